import { measureUnitAfter } from '../../language/dimensions.js';
import { extractClaims, isCheckable, type NumericClaim } from '../../numbers/index.js';
import { tokenize } from '../../retrieval/tokenizer.js';

/* The words that label each figure of a sentence ("48.6% in the treatment arm"), for telling figures apart. */

/** A figure of an evidence sentence: where it sits (`sentenceText`, `sentenceStart`) and the sentence's rank. */
export interface LabelledFigure extends NumericClaim {
  sentenceText: string;
  sentenceStart: number;
  rank: number;
}

/** Characters either side of a figure whose words label it ("on the Free plan", "in January"). */
const LABEL_WINDOW = 40;
/**
 * Before a sentence's first figure only this much labels it, when the sentence has others: what comes earlier is the
 * sentence's subject, common to all its figures. A sentence's only figure is labelled by its subject too.
 */
const LEAD_WINDOW = 12;
const MONTHS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi;

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Tokenizer terms of a text, each month name as one term of its own ("month5": "May" would be a stop word). */
export function periodTerms(text: string): string[] {
  return tokenize(text.replace(MONTHS, (m) => ` month${MONTH_KEYS.indexOf(m.slice(0, 3).toLowerCase()) + 1} `));
}

/** Two figures of one kind (unit, currency and unit of measure) that can be compared; years, labels and durations never are. */
export function sameKind(a: NumericClaim, b: NumericClaim): boolean {
  return (
    a.unit === b.unit &&
    (a.currency ?? null) === (b.currency ?? null) &&
    a.unit !== 'year' &&
    a.unit !== 'label' &&
    a.unit !== 'duration' &&
    unitOf(a) === unitOf(b)
  );
}

/** The unit of measure a count is written with ("week" for "52 weeks", "gb" for "2 GB"), or undefined. */
function unitOf(c: NumericClaim): string | undefined {
  return c.unit === 'count' ? measureUnitAfter(c.sentence.text.slice(c.end - c.sentence.start)) : undefined;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
/** Whether a character offset falls inside a word (word characters on both sides). */
const insideWord = (text: string, i: number) =>
  i > 0 && WORD_CHAR_RE.test(text[i - 1] ?? '') && WORD_CHAR_RE.test(text[i] ?? '');

/** The start of the word an offset falls in: a figure's lead takes the whole word ("network", not "ork"). */
function wordStart(text: string, at: number): number {
  let i = at;
  while (insideWord(text, i)) i--;
  return i;
}

/** The end of the word an offset falls in: a word cut by the halfway split belongs to the figure before. */
function wordEnd(text: string, at: number): number {
  let i = at;
  while (insideWord(text, i)) i++;
  return i;
}

/**
 * The words around a figure as tokenizer terms: after it up to the next figure ("25 MB on the Free
 * plan"), before it back to halfway to the previous one ("in January, 3.9%") or, for the first, a few characters
 * (see {@link LEAD_WINDOW}).
 */
export function labelTerms(f: LabelledFigure, all: readonly LabelledFigure[]): Set<string> {
  const at = f.start - f.sentenceStart;
  const end = f.end - f.sentenceStart;
  const others = all.filter((g) => g !== f && g.sentenceText === f.sentenceText);
  const previous = Math.max(-1, ...others.map((g) => g.end - g.sentenceStart).filter((e) => e <= at));
  const lead = others.length ? LEAD_WINDOW : LABEL_WINDOW;
  const left = previous < 0 ? at - lead : Math.max(at - LABEL_WINDOW, previous + Math.ceil((at - previous) / 2));
  const right = Math.min(end + LABEL_WINDOW, ...others.map((g) => g.start - g.sentenceStart).filter((s) => s >= end));
  const from = previous < 0 ? wordStart(f.sentenceText, Math.max(0, left)) : wordEnd(f.sentenceText, left);
  const text = f.sentenceText.slice(from, right).replace(f.text, ' ');
  return new Set(periodTerms(text));
}

/** A figure span of a sentence: its text and offsets into the sentence. */
export interface FigureSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * For a figure question, the figure of the sentence the question's own words label when the chosen one carries none
 * of them: in "48.6% in the treatment arm and 31.2% in the placebo arm", "… in the treatment arm" asks for 48.6%.
 * Only a figure of the chosen one's kind whose label has a question word no other such figure's label has replaces
 * it; otherwise the chosen span stays.
 */
export function labelledFigure<S extends FigureSpan>(question: string, sentence: string, span: S): S {
  const figures: LabelledFigure[] = extractClaims(sentence)
    .filter(isCheckable)
    .map((f) => ({ ...f, sentenceText: sentence, sentenceStart: 0, rank: 0 }));
  const chosen = figures.find((f) => f.start < span.end && f.end > span.start);
  if (!chosen) return span;
  // A span holding two figures is a score or a range ("4–2"), already one answer.
  if (figures.filter((f) => f.start >= span.start && f.end <= span.end).length > 1) return span;
  const kin = figures.filter((f) => f === chosen || sameKind(f, chosen));
  if (kin.length < 2) return span;
  // What precedes the first figure is the sentence's subject, common to all of them ("The response rate was").
  const subject = new Set(periodTerms(sentence.slice(0, Math.min(...kin.map((f) => f.start)))));
  const asked = new Set(periodTerms(question).filter((t) => !subject.has(t)));
  const labels = new Map(kin.map((f) => [f, labelTerms(f, kin)]));
  const own = (f: LabelledFigure) =>
    [...labels.get(f)!].filter((t) => asked.has(t) && kin.every((g) => g === f || !labels.get(g)!.has(t)));
  if (own(chosen).length) return span;
  const labelled = kin.filter((f) => f !== chosen && own(f).length > 0);
  if (labelled.length !== 1) return span;
  const [f] = labelled as [LabelledFigure];
  return replacedFigure(span, sentence, chosen, f);
}

/**
 * A span moved from the figure `from` to the figure `to` of its sentence, keeping the unit the span wrote after the
 * first when the same unit follows the second ("25 MB" -> "250 MB", not "250").
 */
export function replacedFigure<S extends FigureSpan>(
  span: S,
  sentence: string,
  from: { end: number },
  to: { start: number; end: number },
): S {
  const unit = span.end > from.end ? sentence.slice(from.end, span.end) : '';
  const end = unit && sentence.startsWith(unit, to.end) ? to.end + unit.length : to.end;
  return { ...span, text: sentence.slice(to.start, end), start: to.start, end };
}
