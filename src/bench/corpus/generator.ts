import { chunkDocument } from '../../ingest/index.js';
import { createRng, deriveSeed, type Rng } from '../../prng.js';
import type { Chunk, SourceDocument } from '../../types.js';
import { capitalize, paragraph, question, type Topic } from './sentences.js';
import { GIVEN_NAMES, NOUNS, OUTLETS, pseudoWords, REGIONS, SECTORS, SURNAMES } from './vocabulary.js';

/** Default seed of the synthetic corpus. */
export const DEFAULT_SEED = 20220902;

/** The topics documents are drawn from; documents of one topic share their long-tail vocabulary. */
export type Lexicon = readonly Topic[];

/** A generated corpus: documents and exactly the requested number of chunks. */
export interface SyntheticCorpus {
  docs: SourceDocument[];
  chunks: Chunk[];
  /** Milliseconds spent writing the documents and chunking them with the real chunker. */
  generateMs: number;
  chunkMs: number;
}

/**
 * Builds `count` topics (deterministic for `seed`): each has a sector, a region, eight company
 * names and sixteen terms from a long tail of pseudo-words, and twelve noun phrases built from
 * those terms, so documents on one topic resemble each other as in a real collection.
 */
export function makeLexicon(seed: number, count = 400): Lexicon {
  const rng = createRng(deriveSeed(seed, 'topics'));
  const words = pseudoWords(count * 24, deriveSeed(seed, 'lexicon'));
  return Array.from({ length: count }, (_, i): Topic => {
    const own = words.slice(i * 24, (i + 1) * 24);
    const terms = own.slice(8);
    return {
      sector: rng.pick(SECTORS),
      region: rng.pick(REGIONS),
      entities: own.slice(0, 8).map(capitalize),
      terms,
      nouns: Array.from({ length: 12 }, () => `${rng.pick(terms)} ${rng.pick(NOUNS)}`),
    };
  });
}

function speakerName(rng: Rng): string {
  return `${rng.pick(SURNAMES)} ${rng.pick(GIVEN_NAMES)}`;
}

/**
 * One interview-style document: a title, an introduction, then section questions from an outlet,
 * each answered by one or two of the document's speakers (`Name: ...`) in one to three
 * paragraphs full of figures (US$ amounts, percentages, years), with some Chinese sentences.
 */
export function generateDocument(rng: Rng, index: number, lexicon: Lexicon): SourceDocument {
  const base = rng.pick(lexicon);
  const topic: Topic = { ...base, region: rng.chance(0.7) ? base.region : rng.pick(REGIONS) };
  const outlet = rng.pick(OUTLETS);
  const speakers: string[] = [];
  const speakerCount = rng.int(2, 4);
  while (speakers.length < speakerCount) {
    const name = speakerName(rng);
    if (!speakers.includes(name)) speakers.push(name);
  }
  const title = `${capitalize(topic.sector)} in ${topic.region}: ${topic.entities[0]} and the road ahead ${index + 1}`;
  const lines = [title, paragraph(rng, topic, 2, 4)];
  const sections = rng.int(4, 9);
  for (let s = 0; s < sections; s++) {
    lines.push(`${outlet}: ${question(rng, topic)}`);
    const answering = rng.int(1, Math.min(2, speakers.length));
    for (let a = 0; a < answering; a++) {
      const name = speakers[(s + a) % speakers.length]!;
      const paragraphs = rng.int(1, 3);
      for (let p = 0; p < paragraphs; p++)
        lines.push(p === 0 ? `${name}: ${paragraph(rng, topic)}` : paragraph(rng, topic));
    }
  }
  const id = String(index + 1).padStart(6, '0');
  return {
    docId: `bench/doc-${id}`,
    title,
    path: `bench/doc-${id}.md`,
    format: 'md',
    language: 'en',
    interviewer: outlet,
    text: lines.join('\n'),
  };
}

/**
 * Generates documents until the real chunker has produced `chunks` chunks, and returns exactly
 * that many (the last document may be cut short). Deterministic for a given `seed`.
 */
export function generateCorpus(chunks: number, seed = DEFAULT_SEED): SyntheticCorpus {
  const rng = createRng(deriveSeed(seed, 'documents'));
  const lexicon = makeLexicon(seed);
  const docs: SourceDocument[] = [];
  const out: Chunk[] = [];
  let generateMs = 0;
  let chunkMs = 0;
  while (out.length < chunks) {
    const t0 = performance.now();
    const doc = generateDocument(rng, docs.length, lexicon);
    const t1 = performance.now();
    const docChunks = chunkDocument(doc);
    chunkMs += performance.now() - t1;
    generateMs += t1 - t0;
    docs.push(doc);
    for (const c of docChunks) if (out.length < chunks) out.push(c);
  }
  return { docs, chunks: out, generateMs, chunkMs };
}
