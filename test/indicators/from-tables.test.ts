import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndicators } from '../../src/indicators/indicators.js';
import { chunkDocument } from '../../src/ingest/chunker.js';
import { loadMarkdown } from '../../src/ingest/load-markdown.js';
import type { SourceDocument } from '../../src/types.js';

/** A fictional annual-report excerpt with two tables. */
const extracted = loadMarkdown(
  readFileSync(new URL('../fixtures/tables/harlow-annual-report-2019.md', import.meta.url), 'utf8'),
);
const doc: SourceDocument = {
  docId: 'harlow',
  title: extracted.title ?? 'harlow',
  path: 'harlow.md',
  format: 'md',
  text: extracted.text,
};
const chunks = chunkDocument(doc);
const records = buildIndicators([doc], chunks);

describe('indicator records from table cells', () => {
  it('names a cell by its row and section, dates it by its column, and keeps the stated scale and currency', () => {
    const marine2019 = records.find((r) => r.series === 'Net sales: Marine fittings' && r.years[0] === 2019)!;
    expect(marine2019).toMatchObject({
      name: 'Net sales: Marine fittings',
      text: '$ 1,012',
      value: 1012,
      unit: 'currency',
      currency: 'USD',
      scale: 'million',
      period: 'Fiscal year 2019',
    });
    expect(doc.text.slice(marine2019.start, marine2019.end)).toBe(marine2019.text);
    expect(marine2019.context).toBe('| Marine fittings | $ 1,012 | $ 1,187 |');
    expect(chunks.find((c) => c.id === marine2019.chunkId)!.text).toContain(marine2019.context);
  });

  it('reads negatives, percentages and counts from cells', () => {
    expect(records.find((r) => r.series === 'Cost of sales' && r.years[0] === 2018)).toMatchObject({
      value: -1160,
      scale: 'million',
    });
    expect(records.find((r) => r.series === 'Gross margin (%)' && r.years[0] === 2019)).toMatchObject({
      value: 32.6,
      unit: '%',
      scale: null,
    });
    expect(records.find((r) => r.series === 'Office staff' && r.years[0] === 2017)).toMatchObject({
      value: 388,
      unit: 'count',
    });
  });

  it('gives each cell one record and reads only the prose figures as sentences', () => {
    const inTables = records.filter((r) => r.context.startsWith('|'));
    expect(inTables.every((r) => r.series !== undefined)).toBe(true);
    expect(new Set(records.map((r) => r.start)).size).toBe(records.length);
    expect(records.filter((r) => r.series === undefined).map((r) => r.text)).toEqual(['6.4%', '$1,634 million']);
  });
});
