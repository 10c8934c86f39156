import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import { create, insertMultiple, search } from '@orama/orama';
import { chunkDocument, loadCorpus } from '../../ingest/index.js';
import { LocalHashEmbedder } from '../../retrieval/local-embedder.js';
import { buildRetriever } from '../../retrieval/retriever.js';
import type { SupportedQuestion } from '../corpus/eval-questions.js';
import { hitAtK, mean, summarize } from '../report/stats.js';
import type { PeerResult } from '../types.js';
import { timeEach } from './timing.js';

/** A retrieval system under comparison: returns the texts of its top `k` passages. */
export interface PeerSystem {
  name: string;
  search(query: string, k: number): Promise<string[]>;
}

/**
 * Minimum cosine Orama's vector side keeps. Its default, 0.8, drops every hash-embedding match
 * (hybrid then equals full-text); 0.3 is Orama's best setting on the eval questions.
 */
export const ORAMA_SIMILARITY = 0.3;

/**
 * Indexes the real corpus chunks in each system, all fed with the same local hash embedder:
 * this project's hybrid retriever (and its two halves alone), LangChain's in-memory vector
 * store and Orama's hybrid (full-text + vector) search.
 */
export async function buildPeerSystems(corpusDir: string): Promise<{ systems: PeerSystem[]; chunks: number }> {
  const { docs } = await loadCorpus(corpusDir);
  const chunks = docs.flatMap((d) => chunkDocument(d));
  const embedder = new LocalHashEmbedder();
  const texts = chunks.map((c) => c.text);
  const retriever = await buildRetriever({ chunks, docs, embedder });
  const m = embedder.embedMatrix(texts);
  const d = embedder.dimension;
  const rows = texts.map((_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));

  const langchain = new MemoryVectorStore(embedder);
  await langchain.addVectors(
    rows,
    texts.map((t) => new Document({ pageContent: t })),
  );

  const orama = create({ schema: { text: 'string', embedding: `vector[${d}]` } as const });
  await insertMultiple(
    orama,
    texts.map((text, i) => ({ text, embedding: rows[i]! })),
  );

  const systems: PeerSystem[] = [
    { name: 'citecheck hybrid', search: async (q, k) => (await retriever.search(q, { k })).map((h) => h.chunk.text) },
    {
      name: 'citecheck vector only',
      search: async (q, k) => (await retriever.searchVector(q, k)).map((h) => h.chunk.text),
    },
    { name: 'citecheck BM25 only', search: async (q, k) => retriever.searchBm25(q, k).map((h) => h.chunk.text) },
    {
      name: 'LangChain MemoryVectorStore',
      search: async (q, k) => (await langchain.similaritySearch(q, k)).map((doc) => doc.pageContent),
    },
    {
      name: 'Orama hybrid',
      search: async (q, k) => {
        const res = await search(orama, {
          mode: 'hybrid',
          term: q,
          properties: ['text'],
          vector: { value: Array.from(embedder.embedVector(q)), property: 'embedding' },
          similarity: ORAMA_SIMILARITY,
          limit: k,
        });
        return res.hits.map((h) => h.document.text as string);
      },
    },
  ];
  return { systems, chunks: chunks.length };
}

/** Recall@5 (and @1) of the supporting passage and per-query latency (all questions, `rounds` times, after a warm-up). */
export async function evaluatePeer(
  system: PeerSystem,
  questions: readonly SupportedQuestion[],
  rounds = 3,
): Promise<PeerResult> {
  const k = 5;
  const hits: number[] = [];
  const firsts: number[] = [];
  for (const q of questions) {
    const passages = await system.search(q.query, k);
    hits.push(hitAtK(passages, q.needles, k) ? 1 : 0);
    firsts.push(hitAtK(passages, q.needles, 1) ? 1 : 0);
  }
  const queries = Array.from({ length: rounds }, () => questions.map((q) => q.query)).flat();
  const latency = summarize(await timeEach(queries, (q) => system.search(q, k), questions.length));
  return {
    name: system.name,
    recallAt5: mean(hits),
    recallAt1: mean(firsts),
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    questions: questions.length,
  };
}

/** Builds every system over the corpus and evaluates each on `questions`. */
export async function runPeers(
  corpusDir: string,
  questions: readonly SupportedQuestion[],
): Promise<{ results: PeerResult[]; chunks: number }> {
  const { systems, chunks } = await buildPeerSystems(corpusDir);
  const results: PeerResult[] = [];
  for (const s of systems) results.push(await evaluatePeer(s, questions));
  return { results, chunks };
}
