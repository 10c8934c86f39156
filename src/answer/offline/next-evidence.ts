import { askedDimensions, unitAfter } from '../../language/dimensions.js';
import { hasExactSpan } from '../grounding/short-answer.js';
import type { QuestionAnalysis } from '../question/question.js';
import { FIGURE_SEARCH, RUNNER_UP_SHARE, TOP_SENTENCES } from './decide-limits.js';
import type { ScoredSentence } from './evidence.js';
import { missingMeasure } from './measure-check.js';

/* Sentences other than the best that may lead an answer the best one cannot give alone. */

/**
 * The sentence right after `best` in its passage when it opens with a pronoun referring back to it ("The Vellarne is a
 * river in Ostreval. It is 312 kilometres long …"): it continues what the best sentence is about, and leads the
 * answer to a figure the best one lacks (the two are checked together). Only for figures: for dates, places and names
 * it changed four answers of the SQuAD sample, three of them for the worse (a name opening the next sentence is
 * {@link namedNext}).
 */
export function continuation(best: ScoredSentence, scored: readonly ScoredSentence[]): ScoredSentence | undefined {
  const { chunk, index } = best.sentence;
  return scored.find((s) => s.sentence.chunk === chunk && s.sentence.index === index + 1 && s.sentence.inherited);
}

/**
 * The sentence right after `best` in its passage when it gives a figure in a unit of the dimension the question asks
 * a measure of ("Most visitors arrive on the ferry from Pellcastle. The crossing takes 1 hour 35 minutes." for "how
 * long is the ferry ride"): it goes on about what the best one names, in other words.
 */
export function measuredNext(
  best: ScoredSentence,
  scored: readonly ScoredSentence[],
  question: string,
): ScoredSentence | undefined {
  const dimensions = askedDimensions(question);
  if (!dimensions.length) return undefined;
  const { chunk, index } = best.sentence;
  const next = scored.find((s) => s.sentence.chunk === chunk && s.sentence.index === index + 1);
  const measured = next?.sentence.figures.some((f) => {
    const unit = unitAfter(next.sentence.text.slice(f.end - next.sentence.start));
    return unit !== undefined && dimensions.includes(unit.dimension);
  });
  return measured ? next : undefined;
}

/**
 * The sentence before `s` in its passage, when `s` refers back to it (opens with a pronoun: "The plan proposed 44
 * homes. It was cut to 38 after …"): the near-miss check reads the two together.
 */
export function referent(s: ScoredSentence, scored: readonly ScoredSentence[]): ScoredSentence | undefined {
  if (!s.sentence.inherited) return undefined;
  const { chunk, index } = s.sentence;
  return scored.find((x) => x.sentence.chunk === chunk && x.sentence.index === index - 1);
}

/** A sentence opening with a name: two or more capitalised words ("Winger Kemi Adeyinka cut inside …"). */
const NAME_OPENING_RE = /^\W*(?:\p{Lu}[\p{L}'’-]*\s+){2,4}/u;

/**
 * For "who", the sentence right after `best` in its passage when it opens with a name ("Harlow equalised just before
 * half-time. Winger Kemi Adeyinka cut inside …"): it tells who did what the best one reports without its agent.
 */
export function namedNext(
  best: ScoredSentence,
  scored: readonly ScoredSentence[],
  question: string,
): ScoredSentence | undefined {
  const { chunk, index } = best.sentence;
  const next = scored.find((s) => s.sentence.chunk === chunk && s.sentence.index === index + 1);
  return next && NAME_OPENING_RE.test(next.sentence.text) && hasExactSpan(next.sentence.text, question, 'person')
    ? next
    : undefined;
}

/**
 * For a quantity question none of the top sentences gives a figure for: a lower sentence, among the best
 * {@link FIGURE_SEARCH}, that gives a figure and names the question's measure, from the document of the best of the
 * top sentences, scoring at least {@link RUNNER_UP_SHARE} of it and mentioning the question's years. It must then pass
 * the checks the best sentence would.
 */
export function measuredFigureBelow(
  q: QuestionAnalysis,
  scored: readonly ScoredSentence[],
): ScoredSentence | undefined {
  const top = scored.slice(0, TOP_SENTENCES);
  const best = top.reduce<ScoredSentence | undefined>((a, s) => (!a || s.score > a.score ? s : a), undefined);
  if (!best) return undefined;
  return scored
    .slice(TOP_SENTENCES, FIGURE_SEARCH)
    .find(
      (s) =>
        s.sentence.figures.length > 0 &&
        s.sentence.chunk.docId === best.sentence.chunk.docId &&
        s.score >= RUNNER_UP_SHARE * best.score &&
        q.years.every((y) => s.sentence.years.includes(y)) &&
        !missingMeasure(q.factual, s.sentence.termSet),
    );
}
