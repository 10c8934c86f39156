import type { KnowledgeSnapshot } from '../retrieval/knowledge-base.js';
import type { PassageRegistry } from './llm-passages.js';
import { narrowQuote } from './quotes.js';
import type { Citation } from './schema.js';
import { citingStatements } from './verify.js';

/** Phrase the model is told to begin with when the documents do not answer the question. */
export const ABSTAIN_PHRASE = 'The documents do not cover';

const ABSTAINS = /^[\s*_#>"“]*the documents (?:do not|don['’]t) cover\b/i;

/** True when the answer begins with {@link ABSTAIN_PHRASE} (any case, "don't" too). */
export function isAbstention(answer: string): boolean {
  return ABSTAINS.test(answer);
}

/**
 * One candidate citation per passage the answer cites, keyed by the model's numbering:
 * the passage narrowed to the sentence(s) that best support the statements citing it.
 */
export function citationCandidates(answer: string, registry: PassageRegistry, snapshot: KnowledgeSnapshot): Citation[] {
  const out: Citation[] = [];
  for (const [n, statements] of citingStatements(answer)) {
    const entry = registry.get(n);
    const doc = entry && snapshot.docById.get(entry.hit.chunk.docId);
    if (!entry || !doc) continue;
    const { chunk, score } = entry.hit;
    const { start, end, quote } = narrowQuote(doc.text, chunk, statements.join(' '));
    const { id: chunkId, docId, title, section, speaker } = chunk;
    out.push({ n, chunkId, docId, title, section, speaker, quote, start, end, score });
  }
  return out;
}

const WINDOW = 12;
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * True when `answer` repeats a run of {@link WINDOW} consecutive words of `prompt`'s own
 * wording (quoted examples in the prompt are left out, since answers may legitimately match them).
 */
export function echoesPrompt(answer: string, prompt: string): boolean {
  const own = words(prompt.replace(/"[^"\n]*"/g, ' '));
  const windows = new Set<string>();
  for (let i = 0; i + WINDOW <= own.length; i++) windows.add(own.slice(i, i + WINDOW).join(' '));
  const said = words(answer);
  for (let i = 0; i + WINDOW <= said.length; i++) if (windows.has(said.slice(i, i + WINDOW).join(' '))) return true;
  return false;
}
