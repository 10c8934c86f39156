import { type SpanCandidate, spanCandidates } from '../../answer/grounding/short-answer.js';
import type { WordWeight } from '../../answer/grounding/span-context.js';
import { detectSpanType } from '../../answer/question/span-type.js';
import { splitSentences } from '../../ingest/sentences.js';
import { stem, tokenize } from '../../retrieval/tokenizer.js';
import type { SquadDataset } from '../datasets/squad/dataset.js';
import { f1Score } from '../datasets/squad/squad-score.js';

/** A question with the candidate spans of the sentence holding its gold answer, and each one's F1 against the golds. */
export interface SpanExample {
  id: string;
  article: string;
  candidates: SpanCandidate[];
  gains: number[];
}

/** IDF of a word over the dataset's paragraphs, as the answerer weighs question words by their IDF over chunks. */
function paragraphIdf(ds: SquadDataset): WordWeight {
  const df = new Map<string, number>();
  let n = 0;
  for (const a of ds.articles)
    for (const p of a.paragraphs) {
      n++;
      for (const t of new Set(tokenize(p))) df.set(t, (df.get(t) ?? 0) + 1);
    }
  return (lemma) => {
    const k = df.get(stem(lemma)) ?? 0;
    return Math.log(1 + (n - k + 0.5) / (k + 0.5));
  };
}

/**
 * Training examples for the span scorer from a SQuAD file: each answerable question whose type takes a span
 * (date, number, person, place, thing), with the candidates of the sentence its first gold answer starts in.
 * `articles` limits them to those titles.
 */
export function spanExamples(ds: SquadDataset, articles?: ReadonlySet<string>): SpanExample[] {
  const weigh = paragraphIdf(ds);
  const paragraphs = new Map(ds.articles.map((a) => [a.title, a.paragraphs]));
  const out: SpanExample[] = [];
  for (const q of ds.questions) {
    if (q.impossible || (articles && !articles.has(q.article))) continue;
    const type = detectSpanType(q.question);
    if (!type || type === 'reason' || type === 'clause') continue;
    const context = paragraphs.get(q.article)?.[q.paragraph] ?? '';
    const at = q.answerStarts[0] ?? -1;
    const sentence = splitSentences(context).find((s) => s.start <= at && at < s.end);
    if (!sentence) continue;
    const candidates = spanCandidates(sentence.text, q.question, type, weigh);
    const gains = candidates.map((c) => Math.max(0, ...q.answers.map((g) => f1Score(c.text, g))));
    out.push({ id: q.id, article: q.article, candidates, gains });
  }
  return out;
}
