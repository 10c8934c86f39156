import { extractNumbers, formatNumber } from '../scoring/numbers.js';
import { foldCase, nfkc, truncate } from '../scoring/text.js';
import type { Expect, NumberExpect } from './case-schema.js';

/** The parts of a chat response the judge reads. */
export interface JudgedResponse {
  answer: string;
  abstained: boolean;
  citations: ReadonlyArray<{ quote: string }>;
}

/** The verdict on one response. */
export interface Verdict {
  passed: boolean;
  /** One readable line per failed expectation. */
  reasons: string[];
  /** Whether `expect.number` matched; null when the case has none. */
  numberMatched: boolean | null;
  /** For each `expect.cites` string, whether some citation quote contains it. */
  citesFound: boolean[];
}

const quoted = (s: string) => JSON.stringify(s);
const list = (items: string[]) => `[${items.map(quoted).join(', ')}]`;

/** Number expectations as a list (a single object is a one-element list). */
export function numberExpectations(expect: Expect): NumberExpect[] {
  if (!expect.number) return [];
  return Array.isArray(expect.number) ? expect.number : [expect.number];
}

/** True when some number stated in `answer` is within tolerance of one of `accepted`. */
export function matchNumber(answer: string, accepted: NumberExpect[]): { matched: boolean; found: number[] } {
  const found = extractNumbers(answer).map((n) => n.value);
  const matched = found.some((n) => accepted.some((a) => Math.abs(n - a.value) <= a.tolerance + 1e-9));
  return { matched, found };
}

/** For each expected string, whether some citation quote contains it verbatim (case-sensitive, NFKC). */
export function findCites(cites: string[], citations: ReadonlyArray<{ quote: string }>): boolean[] {
  const quotes = citations.map((c) => nfkc(c.quote));
  return cites.map((s) => {
    const needle = nfkc(s);
    return quotes.some((q) => q.includes(needle));
  });
}

function describeFound(found: number[]): string {
  const unique = [...new Set(found.map(formatNumber))];
  if (!unique.length) return 'found none';
  const shown = unique.slice(0, 10).join(', ');
  return `found ${shown}${unique.length > 10 ? ', …' : ''}`;
}

/** Judges a response against a case's expectations exactly as eval/README.md describes. */
export function judge(expect: Expect, response: JudgedResponse): Verdict {
  const reasons: string[] = [];
  const answer = nfkc(response.answer);
  const folded = foldCase(response.answer);

  for (const s of expect.contains ?? []) {
    if (!folded.includes(foldCase(s))) reasons.push(`contains: ${quoted(s)} not in answer`);
  }
  if (expect.contains_any && !expect.contains_any.some((s) => folded.includes(foldCase(s)))) {
    reasons.push(`contains_any: none of ${list(expect.contains_any)} in answer`);
  }
  for (const s of expect.not_contains ?? []) {
    if (folded.includes(foldCase(s))) reasons.push(`not_contains: answer contains ${quoted(s)}`);
  }
  for (const p of expect.regex ?? []) {
    if (!new RegExp(nfkc(p), 'i').test(answer)) reasons.push(`regex: /${p}/i does not match the answer`);
  }
  for (const p of expect.not_regex ?? []) {
    const m = new RegExp(nfkc(p), 'i').exec(answer);
    if (m) reasons.push(`not_regex: /${p}/i matches ${quoted(truncate(m[0], 80))}`);
  }

  let numberMatched: boolean | null = null;
  const accepted = numberExpectations(expect);
  if (accepted.length) {
    const { matched, found } = matchNumber(response.answer, accepted);
    numberMatched = matched;
    if (!matched) {
      const want = accepted.map((a) => `${formatNumber(a.value)}±${formatNumber(a.tolerance)}`).join(', ');
      reasons.push(`number: none of [${want}] in answer (${describeFound(found)})`);
    }
  }

  if (expect.abstain !== undefined && expect.abstain !== response.abstained) {
    reasons.push(
      expect.abstain
        ? 'abstain: expected an abstention, got an answer'
        : 'abstain: expected an answer, got an abstention',
    );
  }

  const cites = expect.cites ?? [];
  const citesFound = findCites(cites, response.citations);
  const n = response.citations.length;
  cites.forEach((s, i) => {
    if (!citesFound[i])
      reasons.push(
        `cites: ${quoted(s)} not in any citation quote (${n === 0 ? 'no citations' : `${n} citation${n === 1 ? '' : 's'}`})`,
      );
  });

  return { passed: reasons.length === 0, reasons, numberMatched, citesFound };
}
