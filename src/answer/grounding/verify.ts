import type { Check, Citation, Claim } from '../schema.js';
import { type CalcRecord, checkable, checkNumbers, figuresOf, type VerifyContext } from './figure-checks.js';
import {
  type AnswerSentence,
  answerSentences,
  MARKER,
  MarkerNumbering,
  normalizeDigits,
  rewriteMarkers,
} from './markers.js';
import { termProfile, wordOverlap } from './quotes.js';

/** Input of {@link verifyAnswer}. */
export interface VerifyInput {
  answer: string;
  /** Candidate citations keyed by the numbers the answer's `[n]` markers use. */
  citations: ReadonlyMap<number, Citation> | readonly Citation[];
  calcResults: readonly CalcRecord[];
  /** Documents by id; when given, candidates whose quote is not verbatim at [start, end) are dropped. */
  docs?: ReadonlyMap<string, { text: string }>;
}

/** The answer with resolved, renumbered markers and a verdict for every sentence and number. */
export interface VerifyResult {
  answer: string;
  citations: Citation[];
  claims: Claim[];
  checks: Check[];
  /** Marker numbers that did not resolve and were removed, in order of appearance. */
  removed: number[];
}

const LIST_NUMBER = /^(\s*(?:[-*•]\s+)?)(\d+)([.)]\s)/;

/**
 * The text with the quoted titles of the cited documents blanked ("From a table in “Handbook, Section 7”"): a title
 * names its document, its figures are no claims of the answer.
 */
function withoutTitles(text: string, citations: readonly Citation[]): string {
  let out = text;
  for (const title of new Set(citations.map((c) => c.title)))
    if (title) out = out.replaceAll(`“${title}”`, (m) => ' '.repeat(m.length));
  return out;
}

function maskForFigures(text: string): string {
  const blank = (s: string) => ' '.repeat(s.length);
  return normalizeDigits(text)
    .replace(MARKER, blank)
    .replace(LIST_NUMBER, (_, pre: string, num: string, post: string) => pre + blank(num) + post);
}

/**
 * Stems of the words an answer frames itself with (documents, saying, computing), which need no support from
 * a quote. Function words need no listing: {@link termProfile} drops them already.
 */
const FRAMING = termProfile(
  'document passage source text interview article corpus say said state show follow summary summarize according ' +
    'answer question based information mention note overview detail find found provide give context ' +
    'compute computed calculate calculated calculation formula',
).words;
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bCAGR\b/gi, 'compound annual growth rate'],
  [/\bYoY\b/gi, 'year-on-year'],
  [/\bGDP\b/g, 'gross domestic product GDP'],
];

/** Content words of `text`, with common abbreviations spelled out. */
function contentWords(text: string): Set<string> {
  return termProfile(ABBREVIATIONS.reduce((t, [re, full]) => t.replace(re, full), text)).words;
}
const NOT_COVERED =
  /\b(?:documents?|passages?|sources?|interview|texts?|corpus)\b[^.!?]*?(?:\bdo(?:es)?\s+not\b|\bdon['’]t\b|\bdoesn['’]t\b|\bnever\b|\bno\s+(?:information|mention|data|figures?)\b)/i;

const hasLatin = (words: Iterable<string>) => [...words].some((w) => /\p{Script=Latin}/u.test(w));

function judgeSentence(ctx: VerifyContext, s: AnswerSentence): Claim {
  const cited = ctx.citations.filter((c) => s.cites.includes(c.n));
  const masked = maskForFigures(withoutTitles(s.text, ctx.citations));
  const all = figuresOf(masked);
  const figures = all.filter(checkable);
  const { failing, computed } = checkNumbers(ctx, s, figures, cited);
  const claim = (supported: boolean, reason?: string): Claim => ({
    text: s.text,
    citations: cited.map((c) => c.n),
    supported,
    ...(reason ? { reason } : {}),
  });
  if (failing.length) {
    const list = failing.map((f) => f.text).join(', ');
    return claim(false, `${failing.length > 1 ? 'numbers' : 'number'} ${list} not in cited passages or calculations`);
  }
  const prose = all.reduceRight((t, f) => t.slice(0, f.start) + ' '.repeat(f.end - f.start) + t.slice(f.end), masked);
  const words = [...contentWords(prose)].filter((w) => !FRAMING.has(w));
  if (!cited.length) {
    const shortLead = /:\s*$/.test(s.text) && s.text.split(/\s+/).length <= 12;
    if (!figures.length && NOT_COVERED.test(s.text)) return claim(true, 'states what the documents do not cover');
    if (!figures.length && (words.length === 0 || shortLead)) return claim(true, 'framing');
    if (computed > 0) return claim(true, 'calculator result');
    return claim(false, 'no citation');
  }
  const quoteWords = contentWords(cited.map((c) => `${c.quote} ${c.speaker ?? ''} ${c.title}`).join(' '));
  const overlap = wordOverlap(new Set(words), quoteWords);
  const comparable = hasLatin(words) === hasLatin(quoteWords);
  if (comparable && words.length && (overlap < 1 || overlap < 0.25 * words.length)) {
    return claim(false, 'little overlap with cited passage');
  }
  return claim(true);
}

function candidateMap(input: VerifyInput): Map<number, Citation> {
  const list = Array.isArray(input.citations)
    ? (input.citations as Citation[]).map((c) => [c.n, c] as const)
    : [...(input.citations as ReadonlyMap<number, Citation>)];
  const verbatim = (c: Citation) => {
    const doc = input.docs?.get(c.docId);
    return !input.docs || (doc !== undefined && doc.text.slice(c.start, c.end) === c.quote);
  };
  return new Map(list.filter(([, c]) => verbatim(c)));
}

/**
 * Checks an answer against its candidate citations and this turn's calculator results:
 * removes `[n]` markers that resolve to no candidate (reported in `removed`), keeps only cited
 * candidates renumbered 1..m in order of first use, and judges every sentence. A sentence is
 * supported when it cites a passage, each of its numbers is in a quote it cites or equals a
 * calculator result at the precision written, and its content words overlap the quotes.
 * Without a citation, only framing ("Here is what the documents say:"), statements about what
 * the documents do not cover, and calculator results are supported. Every number that is
 * neither quoted nor computed becomes an `unverified` check; calculator results used become
 * `computed` checks. Years, labels, list numbers and citation markers are not checked.
 */
export function verifyAnswer(input: VerifyInput): VerifyResult {
  const candidates = candidateMap(input);
  const numbering = new MarkerNumbering((n) => candidates.has(n));
  const answer = rewriteMarkers(input.answer, numbering).trim();
  const citations = numbering.order.map((old, i) => ({ ...candidates.get(old)!, n: i + 1 }));
  const ctx: VerifyContext = {
    citations,
    calcs: input.calcResults,
    checks: [],
    usedCalcs: new Set(),
    quoteFigures: new Map(),
  };
  const claims = answerSentences(answer).map((s) => judgeSentence(ctx, s));
  return { answer, citations, claims, checks: ctx.checks, removed: numbering.removed };
}
