import { createRequire } from 'node:module';
import { readWordNetFile } from './wordnet-files.js';

const require = createRequire(import.meta.url);

/**
 * Times an irregular plural may be tagged as a word of its own in WordNet's sense-tagged texts (index.sense tag
 * counts) and still be read as a plural: "data" (76) stays itself, while "children" (0) becomes "child".
 */
const OWN_WORD_TAGS = 10;

let bases: ReadonlyMap<string, string> | undefined;

/** Start of the line holding offset `at` of a text. */
const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/**
 * A word's tag count as a lemma of its own, summed over its senses: index.sense is sorted by sense key ("word%..."),
 * so the word's lines are found by binary search rather than by reading every line.
 */
function ownTags(senses: string, word: string): number {
  const key = `${word}%`;
  let lo = 0;
  let hi = senses.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = lineStart(senses, mid);
    if (senses.slice(start, start + key.length) < key) lo = senses.indexOf('\n', mid) + 1 || senses.length;
    else hi = start === lo ? lo : start;
  }
  let tags = 0;
  for (let at = lineStart(senses, lo); senses.startsWith(key, at); at = senses.indexOf('\n', at) + 1) {
    const end = senses.indexOf('\n', at);
    const line = senses.slice(at, end < 0 ? undefined : end);
    tags += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
    if (end < 0) break;
  }
  return tags;
}

function load(): ReadonlyMap<string, string> {
  const table = require('wink-eng-lite-web-model/dist/wn-noun-exceptions.js') as Record<string, string>;
  const senses = readWordNetFile('index.sense');
  return new Map(Object.entries(table).filter(([form]) => ownTags(senses, form) < OWN_WORD_TAGS));
}

/**
 * The singular of an irregular plural ("children" -> "child", "women" -> "woman"), from WordNet's noun exception
 * list as wink's English model ships it; undefined for any other word, and for plurals that are mostly words of their
 * own (see {@link OWN_WORD_TAGS}). The list loads on first use.
 */
export function irregularSingular(word: string): string | undefined {
  bases ??= load();
  return bases.get(word);
}
