import { tokenize } from '../../retrieval/tokenizer.js';
import type { QuestionAnalysis } from '../question/question.js';
import type { Figure } from './numeric-operands.js';
import { finish, type NumericAnswer, run } from './numeric-result.js';

/* A total over a count of units: a value per unit ("£142 a week") taken as many times as the question counts. */

const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * A count and the one or two words after it, one of which is the unit it counts, as questions write them: "40-week",
 * "3 nights", "four weeks", "4 kayak sessions".
 */
const COUNT_RE = new RegExp(
  String.raw`\b(\d+(?:\.\d+)?|${COUNT_WORDS.join('|')})(\s+|-)(\p{L}+)(?:\s+(\p{L}+))?`,
  'giu',
);

/** Words after a figure that make it a value per unit: "£142 a week", "$20 per night", "£9/hour". */
const PER_RE = /^\s*(?:(?:a|an|per|each|every)\s+|\/\s*)(\p{L}+)/iu;

/** A calendar year, which counts no units ("in 2024 rents rose"). */
const YEAR_RE = /^(?:19|20)\d\d$/u;

/** A unit word as the tokenizer's term for it, so "nights" and "night" are one unit. */
const unitTerm = (word: string) => tokenize(word)[0];

/** A unit a question may count, as a term, and as written when it is a plural noun ("nights" in "for 3 nights"). */
interface CountedUnit {
  term: string;
  /** Undefined for a count joined to its noun ("40-week"). */
  plural: string | undefined;
}

/** A count a question asks a total over: how many, and the words after it that may be its unit, nearest first. */
interface AskedCount {
  times: number;
  units: CountedUnit[];
}

/** The count a question asks a total over ("over the 40-week contract": 40 weeks, "for three nights": 3 nights). */
export function askedCount(question: string): AskedCount | null {
  for (const m of question.matchAll(COUNT_RE)) {
    const word = m[1]!.toLowerCase();
    const times = /\d/u.test(word) ? Number(word) : COUNT_WORDS.indexOf(word) + 1;
    const joined = m[2] === '-';
    const units = [m[3], m[4]].flatMap((w, i) => {
      const term = w ? unitTerm(w) : undefined;
      return term ? [{ term, plural: joined && i === 0 ? undefined : w }] : [];
    });
    if (times > 1 && !YEAR_RE.test(word) && units.length) return { times, units };
  }
  return null;
}

/** The word a figure is given per, with its term ("week" for "£142 a week"), or undefined. */
function perUnit(f: Figure): { word: string; term: string | undefined; written: string } | undefined {
  const m = PER_RE.exec(f.source.text.slice(f.end - f.source.start));
  return m ? { word: m[1]!, term: unitTerm(m[1]!), written: m[0].trim() } : undefined;
}

/** Where a clause of a list of figures ends: "£38 a night, and a private cabin £64", "£22 for juniors and £30". */
const CLAUSE_BREAK_RE = /[,;]|\b(?:and|or|but|while|whereas)\b/giu;

/** Offset in `text` of the last clause break between `from` and `to`, or the halfway point when there is none. */
function splitBetween(text: string, from: number, to: number): number {
  const breaks = [...text.slice(from, to).matchAll(CLAUSE_BREAK_RE)].map((m) => from + (m.index ?? 0));
  return breaks.length ? breaks[breaks.length - 1]! : Math.floor((from + to) / 2);
}

/** Offset in `text` of the first clause break from `from`, or its end: what follows is said of every rate. */
function clauseEnd(text: string, from: number): number {
  const m = [...text.slice(from).matchAll(CLAUSE_BREAK_RE)][0];
  return m ? from + (m.index ?? 0) : text.length;
}

/**
 * How many of the question's terms label each of one sentence's rates, by the words of its own clause: after the
 * previous rate's clause ends, to where its own does ("and a private cabin £64 a night", "£30 per session for
 * adults"). What precedes the first rate is the sentence's subject, and what follows the last one's clause is said of
 * them all ("A room costs £142 a week, and an en-suite room £176 a week, both for a 40-week contract"), so their terms
 * count for none.
 */
function labelHits(rates: readonly Figure[], question: string): Map<Figure, number> {
  const hits = new Map<Figure, number>();
  for (const source of new Set(rates.map((f) => f.source))) {
    const own = rates.filter((f) => f.source === source).sort((a, b) => a.start - b.start);
    const text = source.text;
    const at = (n: number) => n - source.start;
    const subject = new Set(tokenize(text.slice(0, at(own[0]!.start))));
    const asked = new Set(tokenize(question).filter((t) => !subject.has(t)));
    own.forEach((f, i) => {
      const prev = own[i - 1];
      const next = own[i + 1];
      const from = prev ? splitBetween(text, at(prev.end), at(f.start)) : at(f.start);
      const to = next ? splitBetween(text, at(f.end), at(next.start)) : clauseEnd(text, at(f.end));
      hits.set(f, tokenize(text.slice(from, to)).filter((t) => asked.has(t)).length);
    });
  }
  return hits;
}

/** Sentences, best first, whose figures may give the value per unit. */
const RATE_SENTENCES = 3;

/**
 * A total the question asks over a count of units ("What is the total rent over the 40-week contract?"): the
 * value the best sentences give per that unit, taken that many times; the value whose clause has most of the
 * question's words wins, then the better sentence, then the first. Null when the question counts no unit or no figure
 * is given per it.
 */
export function rateTotal(q: QuestionAnalysis, figs: readonly Figure[]): NumericAnswer | null {
  const count = askedCount(q.factual);
  if (!count) return null;
  const rates = figs.flatMap((f) => {
    const per = f.rank < RATE_SENTENCES && (f.unit === 'currency' || f.unit === 'count') ? perUnit(f) : undefined;
    const unit = per && count.units.find((u) => u.term === per.term);
    return per && unit ? [{ f, per, unit }] : [];
  });
  if (!rates.length) return null;
  const hits = labelHits(
    rates.map((r) => r.f),
    q.factual,
  );
  const score = (r: (typeof rates)[number]) => hits.get(r.f)! - r.f.rank;
  const { f: rate, per, unit } = rates.reduce((best, r) => (score(r) > score(best) ? r : best));
  const result = run('product', { value: rate.text, times: count.times });
  if (!result) return null;
  const units = unit.plural ?? `${per.word}s`;
  return finish(result, [rate], `${rate.text} ${per.written} for ${count.times} ${units} is ${result.display}`);
}
