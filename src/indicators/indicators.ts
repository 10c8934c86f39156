import { createHash } from 'node:crypto';
import { escapeRegExp } from '../language/escape-regexp.js';
import { extractClaims } from '../numbers/claims/extract.js';
import { splitParagraphs } from '../numbers/claims/sentences.js';
import type { ClaimUnit, NumericClaim } from '../numbers/claims/types.js';
import { readTables } from '../tables/read-tables.js';
import { tableIndicators } from './from-tables.js';
import { indicatorName, type NameContext } from './names.js';
import { dominantRegion, regionAt } from './regions.js';
import { respectivelyNames } from './respectively.js';
import type { IndicatorChunk, IndicatorDoc, IndicatorRecord } from './types.js';

export type { IndicatorChunk, IndicatorDoc, IndicatorRecord } from './types.js';

const INDICATOR_UNITS: ReadonlySet<ClaimUnit> = new Set(['%', 'pp', 'times', 'currency', 'count']);

function isIndicator(c: NumericClaim): boolean {
  return INDICATOR_UNITS.has(c.unit) && !(c.unit === 'count' && c.words);
}

function recordId(docId: string, c: NumericClaim): string {
  const key = [docId, c.start, c.end, c.text].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function bySentence(claims: NumericClaim[]): NumericClaim[][] {
  const groups = new Map<number, NumericClaim[]>();
  for (const c of claims) groups.set(c.sentence.start, [...(groups.get(c.sentence.start) ?? []), c]);
  return [...groups.values()];
}

function docIndicators(doc: IndicatorDoc, chunks: readonly IndicatorChunk[]): IndicatorRecord[] {
  const docChunks = chunks.filter((c) => c.docId === doc.docId);
  const paragraphs = splitParagraphs(doc.text);
  const speakers = new Set(docChunks.flatMap((c) => (c.speaker ? [c.speaker] : [])));
  const regionOptions = { exclude: speakers };
  const fallbackRegion = dominantRegion(doc.text, regionOptions);
  const out: IndicatorRecord[] = [];
  let prev: NameContext | undefined;
  const tables = readTables(doc);
  const inTable = (c: NumericClaim) =>
    tables.some(
      (t) =>
        (t.start <= c.start && c.start < t.end) ||
        (t.captionSpan && t.captionSpan.start <= c.start && c.start < t.captionSpan.end),
    );
  for (const group of bySentence(extractClaims(doc.text).filter((c) => isIndicator(c) && !inTable(c)))) {
    const listed = respectivelyNames(group);
    for (const c of group) {
      const listedName = listed.get(c);
      const { name, noun } = listedName ? { name: listedName, noun: listedName } : indicatorName(c, prev);
      prev = { name, noun, sentenceStart: c.sentence.start, end: c.end };
      const chunk = docChunks.find((ch) => ch.start <= c.start && c.start < ch.end);
      const paragraph = paragraphs.find((p) => p.start <= c.start && c.start < p.end) ?? c.sentence;
      out.push({
        id: recordId(doc.docId, c),
        name,
        text: c.text,
        value: c.value,
        unit: c.unit,
        scale: c.scale ?? null,
        currency: c.currency,
        qualifier: c.qualifier,
        years: c.year ? [c.year] : c.years,
        region: regionAt(doc.text, c.start, c.sentence, paragraph, fallbackRegion, regionOptions),
        speaker: chunk?.speaker ?? null,
        docId: doc.docId,
        chunkId: chunk?.id ?? null,
        start: c.start,
        end: c.end,
        context: c.sentence.text,
      });
    }
  }
  out.push(...tableIndicators(doc.text, tables, docChunks));
  return out;
}

/**
 * Extracts every indicator figure (percentages, pp, multiples, money, counts written in
 * digits) from the documents, names it from its sentence and attaches place, speaker and
 * chunk. Years, labels, time spans and spelled-out counts are not indicators. Figures in tables are
 * read as cells instead (see {@link tableIndicators}): named by their row, dated by their column.
 */
export function buildIndicators(docs: readonly IndicatorDoc[], chunks: readonly IndicatorChunk[]): IndicatorRecord[] {
  return docs.flatMap((doc) => docIndicators(doc, chunks));
}

function words(q: string): string[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/**
 * Records whose name or context contains every word of `q` as a whole word
 * (case-insensitive). An empty query returns all records.
 */
export function filterIndicators(records: IndicatorRecord[], q: string): IndicatorRecord[] {
  const patterns = words(q).map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu'));
  if (patterns.length === 0) return records;
  return records.filter((r) => patterns.every((re) => re.test(r.name) || re.test(r.context)));
}
