import { endsSplitYear, isYearAt, shortFiscalYears } from '../../language/years.js';
import { type CalcOp, isDayOfMonth } from '../../numbers/index.js';
import { asksDefinition } from './definition.js';
import { normalizeUserText, splitInstructions } from './normalize.js';
import { detectOp } from './op-wording.js';

/** What kind of answer the question wants. */
export type AnswerType = 'person' | 'quantity' | 'list' | 'reason' | 'general';

/** The parts of a question the answerer works from. */
export interface QuestionAnalysis {
  /** Normalized full question. */
  text: string;
  /** The question without instructions addressed to the assistant. */
  factual: string;
  /** Instructions found in the question (reported, never followed). */
  instructions: string[];
  answerType: AnswerType;
  /** Calculator operation the wording asks for, if any. */
  op: CalcOp | null;
  /** Calendar years mentioned, ascending. */
  years: number[];
  /** Other numbers mentioned (percentages, amounts), as written values. */
  numbers: number[];
}

const YEAR_RE = /(?<![\d.,])(\d{4})(?![\d%]|[.,]\d)/g;
const NUMBER_RE = /(?<![\d.\p{L}])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d])/gu;

/** General nouns for the people speaking in a transcript, panel or interview (plural forms included). */
export const SPEAKER_NOUNS =
  'speakers?|participants?|panel(?:l)?ists?|guests?|analysts?|executives?|people|(?:[a-z]+s(?= (?:say|said|talk|mention|think|agree|give|gave|argue|warn|quote|cite|discuss)))';
/** One speaker ("which speaker" asks for a person; "which speakers" for several). */
const SPEAKER_NOUN =
  '(?:speaker|participant|panel(?:l)?ist|guest|analyst|executive|[a-z]+(?<!s)(?= (?:said|says|mentioned|talked|argued|warned|quoted|cited|thinks|believes)))';
/** A question about who said something, or which of the speakers ("Who said X?", "Which analyst asked about Y?"). */
const SPEECH_RE = new RegExp(
  String.raw`\bwhich (?:${SPEAKER_NOUN}\b|of the (?:${SPEAKER_NOUNS})\b)|\baccording to whom\b|\bwhat ${SPEAKER_NOUN}\b|\bwho (?:said|says|mentioned|claimed|stated|referenced|talked|laid|made|gave|argued|asked|thinks|believes|spoke)\b|\bwho (?:is|was) (?:speaking|talking)\b`,
  'i',
);

/** Whether a question asks who said something (its speaker is the answer), not who someone is or did. */
export function asksWhoSaid(text: string): boolean {
  return SPEECH_RE.test(text);
}

const PERSON_RE = new RegExp(
  String.raw`^(?:(?:and|so|ok|okay)\s*,?\s*)?(?:who\b|whose\b|which (?:person|one|${SPEAKER_NOUN}\b|of the (?:${SPEAKER_NOUNS})\b)|according to whom\b|what ${SPEAKER_NOUN}\b)|\bwho (?:said|says|mentioned|claimed|stated|referenced|talked|laid|made|gave|argued|thinks|believes)\b`,
  'i',
);
const QUANTITY_RE = new RegExp(
  [
    String.raw`\bhow (?:much|many|big|large|fast|quickly|high)\b`,
    String.raw`\bwhat (?:share|percent(?:age)?|proportion|portion|fraction|rate|value|size|scale|amount|level)\b`,
    String.raw`\b(?:share|percent(?:age)?|proportion|rate|growth|scale|size|value|total|worth|numbers|figures|statistics|data)\b`,
    String.raw`%`,
    String.raw`\d+(?:\.\d+)?\s*(?:%|percent|billion|million|trillion)`,
  ].join('|'),
  'i',
);
const LIST_RE = new RegExp(
  [
    String.raw`\b(?:which|what) (?:\d+ |two |three |four |five )?(?:technolog(?:y|ies)|techs?|directions|considerations|reasons|areas|features|characteristics|fields|sectors|measures|steps|ways|trends|points|factors)\b`,
    String.raw`\b(?:list|name) (?:the|some|all)\b`,
    String.raw`\bwhat are the\b`,
  ].join('|'),
  'i',
);
const REASON_RE =
  /^\s*why\b|\bwhy (?:does|do|did|is|are|was|were)\b|\breasons?\b|\bwhat (?:drives|drove|explains|motivates)\b/i;

/** Calendar years mentioned in text (see {@link isYearAt}), ascending and unique. */
export function yearsIn(text: string): number[] {
  return writtenYears(text).sort((a, b) => a - b);
}

/** The calendar years a text writes, each once, in the order written ("in 2019 and 2018" -> 2019, 2018). */
export function writtenYears(text: string): number[] {
  const years = [...text.matchAll(YEAR_RE)]
    .filter((m) => isYearAt(text, m.index, m.index + 4, Number(m[1])))
    .map((m) => ({ year: Number(m[1]), at: m.index }));
  const all = [...years, ...shortFiscalYears(text)].sort((a, b) => a.at - b.at);
  return [...new Set(all.map((y) => y.year))];
}

/** Quantities written as words that stand for a number ("over half" = 50%, "tenfold" = 10). */
export const WORD_NUMBERS: readonly [RegExp, number][] = [
  [/\bhalf\b/i, 50],
  [/\b(?:a|one) quarter\b/i, 25],
  [/\b(?:a|one) third\b/i, 33.3],
  [/\b(?:doubled?|twofold|two-fold)\b/i, 2],
  [/\b(?:tripled?|threefold|three-fold)\b/i, 3],
  [/\b(?:tenfold|ten-fold|ten times)\b/i, 10],
];

function numbersIn(text: string): number[] {
  const years = new Set(yearsIn(text));
  const fiscal = new Set(shortFiscalYears(text).map((y) => y.at));
  const written = [...text.matchAll(NUMBER_RE)].flatMap((m) => {
    const n = Number(m[1]!.replaceAll(',', ''));
    const at = m.index ?? 0;
    if (endsSplitYear(text, at, m[1]!) || fiscal.has(at)) return [];
    return Number.isFinite(n) && !years.has(n) && !isDayOfMonth(text, at, at + m[0].length, n) ? [n] : [];
  });
  return [...written, ...WORD_NUMBERS.filter(([re]) => re.test(text)).map(([, n]) => n)];
}

/** Classifies the answer type a question asks for. */
export function detectAnswerType(text: string): AnswerType {
  if (PERSON_RE.test(text)) return 'person';
  if (LIST_RE.test(text)) return 'list';
  if (REASON_RE.test(text)) return 'reason';
  if (asksDefinition(text)) return 'general';
  if (QUANTITY_RE.test(text)) return 'quantity';
  if (!/\b(?:what|which|who|why|how|when|where)\b/i.test(text) && yearsIn(text).length) return 'quantity';
  return 'general';
}

/** Normalizes a question and works out what it asks for. */
export function analyzeQuestion(raw: string): QuestionAnalysis {
  const text = normalizeUserText(raw);
  const { factual, instructions } = splitInstructions(text);
  const answerType = detectAnswerType(factual);
  return {
    text,
    factual,
    instructions,
    answerType,
    op: answerType === 'person' ? null : detectOp(factual),
    years: yearsIn(factual),
    numbers: numbersIn(factual),
  };
}
