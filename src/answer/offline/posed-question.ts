import { endsAsQuestion } from '../../ingest/structure.js';
import { WHY_RE } from '../grounding/short-answer.js';
import type { EvidenceSentence, ScoredSentence } from './evidence.js';

/** A sentence that poses the question itself ("Members will ask why we did not take the cheapest quote."). */
const POSES_WHY_RE = /\bwhy\b/iu;
/** Whether a sentence is itself a question, which answers nothing ("Host: When will it open?"). */
export const asksQuestion = endsAsQuestion;
/** Whether a paragraph ends between two sentences of a document (in one passage, or in two). */
function breaksParagraph(a: EvidenceSentence, b: EvidenceSentence): boolean {
  if (a.chunk.id !== b.chunk.id) return true;
  return a.chunk.text.slice(a.end - a.chunk.start, b.start - a.chunk.start).includes('\n');
}

/** Sentences after the one posing the question that are taken as its answer: the reply's opening and its reason. */
const ANSWERING_SENTENCES = 2;

/**
 * Characters between the posed question and the next sentence, or between those two, at most: a paragraph break and
 * a speaker label.
 */
const MAX_GAP = 80;

/**
 * When the best sentence is a question ending its paragraph (an FAQ's question, an interviewer's), or for a "why"
 * question poses it ("Members will ask why we did not take the cheapest quote"), the sentences that follow it in its
 * document lead instead: they give the answer ("A: The loan period is three weeks.", "Because the cheapest quote is not one we could
 * use."). Only the retrieved sentence right after it (see {@link MAX_GAP}) and the one after that are taken;
 * otherwise the order is unchanged.
 */
export function afterPosedQuestion(
  ranked: readonly ScoredSentence[],
  question: string,
  sentences: readonly EvidenceSentence[],
): readonly ScoredSentence[] {
  const top = ranked[0];
  if (!top) return ranked;
  const whyPosed = WHY_RE.test(question) && POSES_WHY_RE.test(top.sentence.text);
  if (!whyPosed && !asksQuestion(top.sentence.text)) return ranked;
  const { docId } = top.sentence.chunk;
  const seen = new Set<number>();
  const after = sentences
    .filter((s) => s.chunk.docId === docId && s.start >= top.sentence.end)
    .sort((a, b) => a.start - b.start)
    .filter((s) => !seen.has(s.start) && seen.add(s.start));
  const following: EvidenceSentence[] = [];
  for (const s of after) {
    const end = following.at(-1)?.end ?? top.sentence.end;
    if (s.start - end > MAX_GAP || following.length === ANSWERING_SENTENCES) break;
    following.push(s);
  }
  if (!following.length) return ranked;
  // A question ending its paragraph (an FAQ's, an interviewer's) is answered by the next; one inside a paragraph
  // is rhetorical.
  if (!whyPosed && !breaksParagraph(top.sentence, following[0]!)) return ranked;
  // They answer the question the best sentence poses, so they take its score.
  const lead = following.map((sentence) => ({ ...top, sentence, posed: top.posed ?? top.sentence }));
  return [...lead, ...ranked.filter((r) => !lead.some((l) => l.sentence.start === r.sentence.start))];
}
