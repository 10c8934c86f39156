import type { Check, CheckStatus } from './types.js';

/** A piece of an answer paragraph. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'cite'; n: number }
  | { kind: 'check'; index: number }
  | { kind: 'break' };

/** An answer split into paragraphs of segments, and the checks whose claim is not in the text. */
export interface SegmentedAnswer {
  paragraphs: Segment[][];
  unplaced: number[];
}

const MARKER_RE = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/**
 * Splits answer text into paragraphs (blank lines), line breaks, citation markers (`[n]`, `[n, m]`,
 * only for known citation numbers) and check badges, each placed right after the first occurrence of
 * its check's `claim`.
 */
export function segmentAnswer(
  answer: string,
  cited: ReadonlySet<number>,
  checks: readonly Pick<Check, 'claim'>[],
): SegmentedAnswer {
  const points: { at: number; index: number }[] = [];
  const unplaced: number[] = [];
  checks.forEach((check, index) => {
    const claim = check.claim?.trim();
    const at = claim ? answer.indexOf(claim) : -1;
    if (claim && at >= 0) points.push({ at: at + claim.length, index });
    else unplaced.push(index);
  });
  points.sort((a, b) => a.at - b.at || a.index - b.index);

  const flat: (Segment | { kind: 'paragraph' })[] = [];
  const pushText = (text: string) => {
    for (const part of text.split(/(\n+)/)) {
      if (!part) continue;
      if (part.startsWith('\n')) flat.push(part.length > 1 ? { kind: 'paragraph' } : { kind: 'break' });
      else flat.push({ kind: 'text', text: part });
    }
  };
  let cursor = 0;
  let next = 0;
  const emitUpTo = (end: number) => {
    while (next < points.length && points[next]!.at <= end) {
      const at = Math.max(points[next]!.at, cursor);
      pushText(answer.slice(cursor, at));
      cursor = at;
      flat.push({ kind: 'check', index: points[next]!.index });
      next++;
    }
    pushText(answer.slice(cursor, end));
    cursor = Math.max(cursor, end);
  };
  for (const m of answer.matchAll(MARKER_RE)) {
    const ns = m[1]!.split(',').map((s) => Number(s.trim()));
    if (!ns.every((n) => cited.has(n))) continue;
    emitUpTo(m.index);
    for (const n of ns) flat.push({ kind: 'cite', n });
    cursor = m.index + m[0].length;
  }
  emitUpTo(answer.length);
  while (next < points.length) flat.push({ kind: 'check', index: points[next++]!.index });

  const paragraphs: Segment[][] = [[]];
  for (const s of flat) {
    if (s.kind === 'paragraph') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]!.push(s);
  }
  return { paragraphs: paragraphs.filter((p) => p.length > 0), unplaced };
}

const LABELS: Record<CheckStatus, string> = {
  verified: 'verified',
  approximate: 'approx.',
  mismatch: 'mismatch',
  computed: 'computed',
  unverified: 'unverified',
};

const MEANING: Record<CheckStatus, string> = {
  verified: 'the figure in the passage matches the recomputation',
  approximate: 'the figure in the passage is close to the recomputation',
  mismatch: 'the figure in the passage does not match the recomputation',
  computed: 'calculated for this answer',
  unverified: 'no passage or calculation backs this number',
};

/** Badge label for a check status. */
export function checkLabel(status: CheckStatus): string {
  return LABELS[status];
}

/** The formula with its result (`a / b = 1.79×`), or null when nothing was calculated. */
export function checkFormula(check: Pick<Check, 'formula' | 'display'>): string | null {
  if (check.formula) return check.display ? `${check.formula} = ${check.display}` : check.formula;
  return check.display;
}

/** Full description of a check for hover text and screen readers. */
export function describeCheck(check: Pick<Check, 'status' | 'formula' | 'display' | 'claim'>): string {
  const formula = checkFormula(check);
  const parts = [`${LABELS[check.status]}: ${MEANING[check.status]}`];
  if (formula) parts.push(`formula ${formula}`);
  if (check.claim) parts.push(`claim “${check.claim.length > 120 ? `${check.claim.slice(0, 117)}...` : check.claim}”`);
  return parts.join('; ');
}
