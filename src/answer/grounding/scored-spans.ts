import { askedDimensions, type Dimension } from '../../language/dimensions.js';
import { type TaggedToken, tagText } from '../../language/tagger.js';
import { isCurrencyWord, isUnitWord } from '../../language/unit-words.js';
import { extractClaims, type NumericClaim } from '../../numbers/index.js';
import { stem } from '../../retrieval/tokenizer.js';
import { yearsIn } from '../question/question.js';
import { asksNamedMeasure, type SpanType } from '../question/span-type.js';
import { isMoneySpan, unitDimensionOf } from './number-spans.js';
import {
  beforeWh,
  COUNT_RE,
  countedNoun,
  focusNoun,
  MEASURE_RE,
  roleForms,
  strandedPreposition,
  subjectVerb,
} from './question-words.js';
import { type Candidate, isContent, rawCandidates } from './span-candidates.js';
import { EXACT_FIT, type SpanContext, type WordWeight } from './span-context.js';
import { type SpanFeature, spanFeatures, spanScore } from './span-features.js';
import { SPAN_WEIGHTS } from './span-weights.js';
import { joinedPairs, keptHead, possessivePhrases, trim } from './trimmed-candidates.js';

/* The candidate short answers of one sentence for a question, each scored by its features. */

/** A candidate short answer inside a sentence, offsets relative to the sentence. */
export interface ShortSpan {
  text: string;
  start: number;
  end: number;
  /** How well it fits: the weighted sum of its features (see `span-weights.ts`). */
  score: number;
  /** The span is of the asked-for kind itself (a date for "when"), not a stand-in (a noun phrase for "who"). */
  exact: boolean;
}

/** A candidate span with the features it was scored by. */
export interface SpanCandidate extends ShortSpan {
  features: Record<SpanFeature, number>;
}

/** Every question word counts alike unless the caller weighs them. */
export const EVEN: WordWeight = () => 1;

/** A question asking for what goes with something it names ("Besides Nova Scotia, what …", "along with X"). */
const ALONG_WITH_RE =
  /\b(?:along with|besides|beside|apart from|aside from|other than|in addition to|as well as|together with)\b/iu;

/** A word that makes a question word after it mean the rest, not what was asked ("all other accounts"). */
const CONTRAST_RE = /^(?:other|else|remaining)$/i;

/** A unit of one dimension for a question asking a measure of others ("1.7 litres" for "how heavy"). */
const otherDimension = (unit: Dimension | undefined, asked: readonly Dimension[]) =>
  unit !== undefined && asked.length > 0 && !asked.includes(unit);

/** A "how many" question counting money ("how many dollars"), which an amount answers; not "how many scholarships". */
const countsMoney = (counted: string | null) => counted !== null && isCurrencyWord(counted);
/** Whether a question counts things, not units of a measure ("how many students", not "how many minutes"). */
const countsThings = (counted: string | null) => counted !== null && !isCurrencyWord(counted) && !isUnitWord(counted);

/**
 * Every candidate span of a sentence for a question of a type other than reason or clause, scored as
 * {@link extractShortAnswer} weighs them, in sentence order.
 */
export function spanCandidates(
  sentence: string,
  question: string,
  type: SpanType,
  weigh: WordWeight = EVEN,
): SpanCandidate[] {
  const tagged = tagText(sentence);
  const { tokens } = tagged;
  const qTokens = tagText(question).tokens;
  const qForms = new Set(qTokens.filter(isContent).flatMap((t) => [t.lemma, t.text.toLowerCase()]));
  const asked = (t: TaggedToken) => qForms.has(t.lemma) || qForms.has(t.text.toLowerCase());
  const contrasted = (i: number) => tokens.slice(Math.max(0, i - 2), i).some((t) => CONTRAST_RE.test(t.text));
  const anchors = tokens.map((t, i) => (isContent(t) && asked(t) && !contrasted(i) ? i : -1)).filter((i) => i >= 0);
  const dimensions = askedDimensions(question);
  let claimed: NumericClaim[] | undefined;
  const claims = () => (claimed ??= extractClaims(sentence, 0));
  const ctx: SpanContext = {
    tokens,
    stems: tokens.map((t) => stem(t.text.toLowerCase())),
    type,
    anchors,
    asked,
    weigh,
    focus: focusNoun(qTokens),
    measure: MEASURE_RE.test(question) || dimensions.length > 0 || asksNamedMeasure(question),
    count: COUNT_RE.test(question),
    counted: countedNoun(qTokens),
    subjectVerb: subjectVerb(qTokens),
    mainVerb: qTokens.find((t) => t.pos === 'VERB' && isContent(t))?.lemma ?? null,
    beforeWh: beforeWh(qTokens),
    stranded: strandedPreposition(qTokens),
    alongWith: ALONG_WITH_RE.test(question),
    roleForms: roleForms(qTokens),
    dimensions,
    years: yearsIn(question),
    figureYear: (c) => {
      const at = tokens[c.first]!.start;
      return claims().find((f) => f.start <= at && at < f.end)?.year;
    },
  };
  const out: SpanCandidate[] = [];
  const seen = new Set<string>();
  const add = (c: Candidate | null) => {
    if (!c || seen.has(`${c.first}:${c.last}`) || (c.tally && ctx.count)) return;
    seen.add(`${c.first}:${c.last}`);
    const span = tokens.slice(c.first, c.last + 1);
    if (!span.some(isContent) || span.every((t) => !isContent(t) || asked(t))) return;
    if (c.kind === 'number' && otherDimension(unitDimensionOf(tokens, c), ctx.dimensions)) return;
    if (c.kind === 'number' && ctx.count && isMoneySpan(span) && !countsMoney(ctx.counted)) return;
    // A count of things is no measure: "31 minutes" does not say how many students.
    if (c.kind === 'number' && countsThings(ctx.counted) && unitDimensionOf(tokens, c) !== undefined) return;
    const features = spanFeatures(c, ctx);
    if (features.typeFit <= 0) return;
    const start = tokens[c.first]!.start;
    const end = tokens[c.last]!.end;
    out.push({
      text: sentence.slice(start, end),
      start,
      end,
      score: spanScore(features, SPAN_WEIGHTS),
      exact: features.typeFit >= EXACT_FIT,
      features,
    });
  };
  const raws = rawCandidates(sentence, tagged);
  // A month or a weekday the tagger reads as a name is part of a date ("In September 2023"), no name of its own.
  const dates = raws.filter((r) => r.kind === 'date');
  const inDate = (r: Candidate) => r.kind !== 'date' && dates.some((d) => d.first <= r.first && r.last <= d.last);
  const trimmed = raws.filter((r) => !inDate(r)).map((raw) => ({ raw, c: trim(raw, tokens, asked, ctx.focus) }));
  for (const { c } of trimmed) add(c);
  for (const { raw, c } of trimmed) add(c && keptHead(raw, c, tokens));
  const kept = trimmed.flatMap(({ c }) => (c ? [c] : []));
  for (const c of joinedPairs(kept, tokens)) add(c);
  for (const c of possessivePhrases(kept, tokens, ctx.focus)) add(c);
  return out;
}
