import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, loadConfig } from '../../../src/config.js';
import { chunkDocument, loadCorpus } from '../../../src/ingest/index.js';
import type { KnowledgeSnapshot } from '../../../src/retrieval/knowledge-base.js';
import { LocalHashEmbedder } from '../../../src/retrieval/local-embedder.js';
import { buildRetriever } from '../../../src/retrieval/retriever.js';
import type { Chunk, SourceDocument } from '../../../src/types.js';

/** Absolute path of the repository's corpus directory. */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus');

/** The interview's id in the corpus. */
export const INTERVIEW_ID = 'digital-trade-interview';

/** A one-paragraph document for tests, e.g. one carrying a prompt injection. */
export function extraDocument(docId: string, text: string): SourceDocument {
  return { docId, title: docId, path: `${docId}.md`, format: 'md', text };
}

/** A KnowledgeSnapshot over the real corpus (plus `extra` documents), indexed with a small local embedder. */
export async function buildTestSnapshot(extra: readonly SourceDocument[] = []): Promise<KnowledgeSnapshot> {
  const { docs: loaded } = await loadCorpus(CORPUS_DIR);
  const docs = [...loaded, ...extra];
  const chunks = docs.flatMap((d) => chunkDocument(d));
  const retriever = await buildRetriever({ chunks, docs, embedder: new LocalHashEmbedder({ dimension: 256 }) });
  const chunksByDoc = new Map<string, Chunk[]>();
  for (const c of chunks) chunksByDoc.set(c.docId, [...(chunksByDoc.get(c.docId) ?? []), c]);
  return {
    retriever,
    docs,
    chunks,
    docById: new Map(docs.map((d) => [d.docId, d])),
    chunkById: new Map(chunks.map((c) => [c.id, c])),
    chunksByDoc,
    buildId: 'test',
    corpusHash: 'test',
    origin: 'build',
    warnings: [],
  };
}

/** The chunk of `docId` whose text contains `needle`. */
export function chunkWith(snapshot: KnowledgeSnapshot, needle: string, docId = INTERVIEW_ID): Chunk {
  const chunk = snapshot.chunks.find((c) => c.docId === docId && c.text.includes(needle));
  if (!chunk) throw new Error(`no chunk contains ${JSON.stringify(needle)}`);
  return chunk;
}

/** Configuration pointing the LLM at `baseUrl` with small limits for tests. */
export function llmTestConfig(baseUrl: string, env: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({
    OPENAI_BASE_URL: baseUrl,
    OPENAI_API_KEY: 'test-key',
    LLM_TIMEOUT_MS: '5000',
    LLM_MAX_STEPS: '4',
    LLM_MAX_RETRIES: '2',
    ...env,
  });
}
