import { splitSentences } from '../../ingest/sentences.js';

/** `[n]`, `[n, m]`, `[n-m]` with the horizontal whitespace before it (run on {@link normalizeDigits} text). */
export const MARKER = /([ \t]*)\[(\d+(?:\s*[,;–-]\s*\d+)*)\]/g;
const FULL_WIDTH = /[\uFF10-\uFF19\uFF3B\uFF3D\uFF0C\uFF0E\uFF05]/g;

/** Maps full-width digits, brackets, comma, period and percent sign to ASCII; the length is unchanged. */
export function normalizeDigits(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Numbers listed inside one marker: "1, 3" -> [1, 3], "2-4" -> [2, 3, 4]. */
export function markerNumbers(inner: string): number[] {
  return inner.split(/\s*[,;]\s*/).flatMap((part) => {
    const [a, b] = part.split(/\s*[–-]\s*/).map(Number);
    if (b === undefined || !(b > a!) || b - a! > 20) return [a!];
    return Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
  });
}

/**
 * Renumbers markers in order of first use. Resolvable numbers get 1..m; a marker left with
 * nothing resolvable is removed together with the whitespace before it.
 */
export class MarkerNumbering {
  readonly order: number[] = [];
  readonly removed: number[] = [];
  private readonly next = new Map<number, number>();

  constructor(private readonly resolves: (n: number) => boolean) {}

  /** Replacement for one marker and the whitespace before it. */
  replace(space: string, inner: string): string {
    const kept: number[] = [];
    for (const n of markerNumbers(inner)) {
      if (!this.resolves(n)) {
        if (!this.removed.includes(n)) this.removed.push(n);
        continue;
      }
      if (!this.next.has(n)) {
        this.order.push(n);
        this.next.set(n, this.order.length);
      }
      const m = this.next.get(n)!;
      if (!kept.includes(m)) kept.push(m);
    }
    return kept.length ? `${space}${kept.map((m) => `[${m}]`).join('')}` : '';
  }
}

/** One `[n]` marker found in a text, with the horizontal whitespace before it. */
export interface MarkerMatch {
  index: number;
  end: number;
  space: string;
  inner: string;
}

/** Every marker in `text` (full-width digits and brackets count). */
export function findMarkers(text: string): MarkerMatch[] {
  return [...normalizeDigits(text).matchAll(MARKER)].map((m) => ({
    index: m.index,
    end: m.index + m[0].length,
    space: m[1]!,
    inner: m[2]!,
  }));
}

/** Applies {@link MarkerNumbering} to a whole text. */
export function rewriteMarkers(text: string, numbering: MarkerNumbering): string {
  let out = '';
  let last = 0;
  for (const m of findMarkers(text)) {
    out += text.slice(last, m.index) + numbering.replace(m.space, m.inner);
    last = m.end;
  }
  return out + text.slice(last);
}

/** A sentence of an answer with the markers it owns (absolute offsets into the answer). */
export interface AnswerSentence {
  text: string;
  start: number;
  end: number;
  markers: MarkerMatch[];
  /** Marker numbers, unique, in order of appearance. */
  cites: number[];
}

const bracketAt = (m: MarkerMatch) => m.index + m.space.length;
const citesOf = (markers: readonly MarkerMatch[]) => [...new Set(markers.flatMap((m) => markerNumbers(m.inner)))];

/**
 * Sentences of an answer with the markers each owns; markers that open a sentence ("... rose. [1] Then")
 * belong to the sentence before. Sentences without letters or digits are skipped.
 */
export function answerSentences(answer: string): AnswerSentence[] {
  const markers = findMarkers(answer);
  const out: AnswerSentence[] = [];
  for (const s of splitSentences(answer)) {
    const inside = markers.filter((m) => bracketAt(m) >= s.start && m.end <= s.end);
    const prev = out.at(-1);
    let start = s.start;
    while (prev && inside[0] && answer.slice(start, bracketAt(inside[0])).trim() === '') {
      prev.markers.push(inside[0]);
      prev.cites = citesOf(prev.markers);
      start = inside.shift()!.end;
    }
    const text = answer.slice(start, s.end).trim();
    if (!/[\p{L}\p{N}]/u.test(normalizeDigits(text).replace(MARKER, ''))) continue;
    start = s.end - text.length;
    out.push({ text, start, end: s.end, markers: inside, cites: citesOf(inside) });
  }
  return out;
}

/** A sentence's text without its markers. */
export function withoutMarkers(text: string): string {
  return findMarkers(text)
    .reduceRight((t, m) => t.slice(0, m.index) + t.slice(m.end), text)
    .trim();
}

/** For each marker number, the sentences (without markers) that cite it. */
export function citingStatements(answer: string): Map<number, string[]> {
  const by = new Map<number, string[]>();
  for (const s of answerSentences(answer)) {
    for (const n of s.cites) by.set(n, [...(by.get(n) ?? []), withoutMarkers(s.text)]);
  }
  return by;
}
