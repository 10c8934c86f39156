import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/ingest/load-corpus.js';
import type { SourceDocument } from '../../src/types.js';

/** Absolute path of the repository's corpus directory. */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

/** Loads the real interview from the corpus. */
export async function loadInterview(): Promise<SourceDocument> {
  const { docs } = await loadCorpus(CORPUS_DIR);
  const doc = docs.find((d) => d.docId === 'digital-trade-interview');
  if (!doc) throw new Error('digital-trade-interview missing from corpus');
  return doc;
}

/** The interviewer's two questions, as they appear after the label. */
export const QUESTIONS = [
  'Why does the central government attach importance to the development of digital trade? How to understand the creation of a digital trade demonstration zone?',
  'How is my country’s digital trade going? What are the new features and trends of development?',
];
