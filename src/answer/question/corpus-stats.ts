import { splitSentences } from '../../ingest/sentences.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { stem, tokenize } from '../../retrieval/tokenizer.js';
import { yearsIn } from './question.js';

/** Corpus-wide facts the offline answerer consults; computed once per snapshot. */
export interface CorpusStats {
  /** Chunks containing each term (tokenizer terms). */
  df: ReadonlyMap<string, number>;
  chunkCount: number;
  /** Lower-cased word forms as written (hyphens kept and removed). */
  words: ReadonlySet<string>;
  /** Porter stems of `words`. */
  stems: ReadonlySet<string>;
  /** Initialisms of capitalized or hyphenated word runs ("Five-Year Plan" -> "fyp"). */
  initialisms: ReadonlySet<string>;
  /** Distinct speakers. */
  speakers: readonly string[];
  /** Calendar years mentioned anywhere. */
  years: ReadonlySet<number>;
}

const cache = new WeakMap<KnowledgeSnapshot, CorpusStats>();
const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Chunks or documents processed between yields to the event loop while stats are prepared in the background. */
const YIELD_EVERY = 500;
const pending = new WeakMap<KnowledgeSnapshot, Promise<CorpusStats>>();

/** Stats for a snapshot, built on first use (synchronously, unless {@link prepareCorpusStats} already built them). */
export function corpusStats(snapshot: KnowledgeSnapshot): CorpusStats {
  let stats = cache.get(snapshot);
  if (!stats) {
    const steps = buildStats(snapshot);
    let step = steps.next();
    while (!step.done) step = steps.next();
    stats = step.value;
    cache.set(snapshot, stats);
  }
  return stats;
}

/**
 * Builds a snapshot's stats without holding the event loop (it yields every few hundred chunks), so
 * a large corpus's first answer does not stall the server: call it when a snapshot starts serving,
 * and await it before answering. Resolves at once when the stats exist.
 */
export function prepareCorpusStats(snapshot: KnowledgeSnapshot): Promise<CorpusStats> {
  const ready = cache.get(snapshot);
  if (ready) return Promise.resolve(ready);
  let job = pending.get(snapshot);
  if (!job) {
    job = (async () => {
      const steps = buildStats(snapshot);
      let step = steps.next();
      while (!step.done) {
        await new Promise((resolve) => setImmediate(resolve));
        if (cache.has(snapshot)) return cache.get(snapshot)!;
        step = steps.next();
      }
      cache.set(snapshot, step.value);
      return step.value;
    })();
    pending.set(snapshot, job);
  }
  return job;
}

function* buildStats(snapshot: KnowledgeSnapshot): Generator<void, CorpusStats> {
  const df = new Map<string, number>();
  let units = 0;
  let done = 0;
  for (const chunk of snapshot.chunks) {
    for (const sentence of splitSentences(chunk.text)) {
      units++;
      for (const t of new Set(tokenize(sentence.text))) df.set(t, (df.get(t) ?? 0) + 1);
    }
    if (++done % YIELD_EVERY === 0) yield;
  }
  const words = new Set<string>();
  const initialisms = new Set<string>();
  const years = new Set<number>();
  for (const doc of snapshot.docs) {
    const tokens = `${doc.title}\n${doc.text}`.normalize('NFKC').match(WORD_RE) ?? [];
    for (const raw of tokens) {
      const w = raw.toLowerCase().replace(/['’]s$/, '');
      words.add(w);
      if (w.includes('-')) {
        words.add(w.replaceAll('-', ''));
        for (const part of w.split('-')) words.add(part);
      }
    }
    addInitialisms(tokens, initialisms);
    for (const y of yearsIn(`${doc.title}\n${doc.text}`)) years.add(y);
    if (++done % YIELD_EVERY === 0) yield;
  }
  const stems = new Set([...words].map((w) => stem(w)));
  const speakers = [...new Set(snapshot.chunks.map((c) => c.speaker).filter((s): s is string => Boolean(s)))];
  return { df, chunkCount: units, words, stems, initialisms, speakers, years };
}

/** Initialisms of capitalized runs (2+ letters), of runs opening with a capital (3+, "Frequently asked questions" -> "faq") and of any word run (4+ letters, e.g. "cagr"). */
function addInitialisms(tokens: readonly string[], out: Set<string>): void {
  const initials = tokens.map((t) =>
    t
      .split('-')
      .map((p) => p[0]!.toLowerCase())
      .join(''),
  );
  const capital = tokens.map((t) => /^\p{Lu}/u.test(t));
  for (let i = 0; i < tokens.length; i++) {
    let acc = '';
    let allCapital = true;
    for (let j = i; j < Math.min(tokens.length, i + 5); j++) {
      acc += initials[j];
      allCapital &&= capital[j]!;
      if (acc.length >= (allCapital ? 2 : capital[i] ? 3 : 4)) out.add(acc);
    }
  }
}

/** Inverse document frequency of a term (unseen terms get the highest value). */
export function idf(stats: CorpusStats, term: string): number {
  const n = stats.df.get(term) ?? 0;
  return Math.log(1 + (stats.chunkCount - n + 0.5) / (n + 0.5));
}
