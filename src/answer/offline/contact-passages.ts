import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { SearchHit } from '../../retrieval/retriever.js';
import { askedContact, contactsIn } from '../grounding/contact-answer.js';

/** Documents, best first, whose contact details a contact question may be after. */
const CONTACT_DOCUMENTS = 4;

/**
 * For a question asking for a phone number, email address or website, the passages of the best-retrieved documents
 * that write one and were not retrieved, appended after the hits at the last hit's score: a contact line shares few
 * words with "what's the phone number for the barn" ("call Maud on 01632 960418"). Other questions keep their hits.
 */
export function withContactPassages(
  snapshot: KnowledgeSnapshot,
  question: string,
  hits: readonly SearchHit[],
): readonly SearchHit[] {
  const kind = askedContact(question);
  const last = hits.at(-1);
  if (!kind || !last) return hits;
  const docs = [...new Set(hits.map((h) => h.chunk.docId))].slice(0, CONTACT_DOCUMENTS);
  const have = new Set(hits.map((h) => h.chunk.id));
  const added = snapshot.chunks
    .filter((c) => docs.includes(c.docId) && !have.has(c.id) && contactsIn(c.text, kind).length > 0)
    .map((chunk) => ({ chunk, score: last.score, scores: { vector: null, bm25: null } }));
  return added.length ? [...hits, ...added] : hits;
}
