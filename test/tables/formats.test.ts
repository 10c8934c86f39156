import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndicators } from '../../src/indicators/indicators.js';
import { chunkDocument, loadCorpus } from '../../src/ingest/index.js';
import { readTables } from '../../src/tables/read-tables.js';
import type { SourceDocument } from '../../src/types.js';

/** Fictional documents: every company name and figure below is invented for this test. */
const HTML = `<!doctype html><html><head><title>Corvel Pumps results</title></head><body>
<h1>Corvel Pumps results</h1>
<p>Fictional document. Figures are in thousands of euros.</p>
<table>
  <caption>Segment revenue (EUR thousand)</caption>
  <thead>
    <tr><th></th><th colspan="2">Year ended March 31</th></tr>
    <tr><th></th><th>2024</th><th>2023</th></tr>
  </thead>
  <tbody>
    <tr><th rowspan="2">Pumps</th><td>4,210</td><td>3,980</td></tr>
    <tr><td>(120)</td><td>(95)</td></tr>
    <tr><th>Valves</th><td>1,305</td><td>1,270</td></tr>
  </tbody>
</table>
<p>Valve sales grew with the new plant.</p>
</body></html>`;

const SIZE = 11;
const LINE = 15;

/** A text PDF with a paragraph, a three-column table in millions and a closing paragraph. */
async function reportPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Tallow Freight report');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([600, 800]);
  const right = (text: string, edge: number, y: number) =>
    page.drawText(text, { x: edge - font.widthOfTextAtSize(text, SIZE), y, size: SIZE, font });
  let y = 740;
  page.drawText('Tallow Freight is a fictional carrier. Amounts in millions.', { x: 72, y, size: SIZE, font });
  y -= 2 * LINE;
  for (const [label, a, b] of [
    ['Freight line', '2024', '2023'],
    ['Container revenue', '$ 512.4', '$ 498.0'],
    ['Bulk revenue', '210.9', '188.3'],
    ['Total revenue', '723.3', '686.3'],
  ] as const) {
    page.drawText(label, { x: 72, y, size: SIZE, font });
    right(a, 380, y);
    right(b, 480, y);
    y -= LINE;
  }
  page.drawText('Bulk volumes recovered in the second half.', { x: 72, y: y - LINE, size: SIZE, font });
  return pdf.save();
}

describe('tables read from HTML and PDF documents', () => {
  let dir: string;
  let docs: SourceDocument[];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-table-formats-'));
    await fs.writeFile(path.join(dir, 'corvel.html'), HTML);
    await fs.writeFile(path.join(dir, 'tallow.pdf'), await reportPdf());
    ({ docs } = await loadCorpus(dir));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const doc = (id: string) => docs.find((d) => d.docId === id)!;

  it('reads an HTML table with its caption, spanning header, row-spanning label and stated scale', () => {
    const [table, ...rest] = readTables(doc('corvel'));
    expect(rest).toHaveLength(0);
    expect(table!.caption).toBe('Segment revenue (EUR thousand)');
    expect(table!.columns.map((c) => c.header)).toEqual(['', 'Year ended March 31 2024', 'Year ended March 31 2023']);
    expect(table!.columns.map((c) => c.period?.year ?? null)).toEqual([null, 2024, 2023]);
    expect(table!.unit).toMatchObject({ scale: 'thousand', currency: 'EUR' });
    expect(table!.rows.map((r) => [r.label, r.values[1]?.value])).toEqual([
      ['Pumps', 4210],
      ['Pumps', -120],
      ['Valves', 1305],
    ]);
  });

  it('reads a table of a text PDF with its periods, the scale stated above it, and cell offsets into the document', () => {
    const d = doc('tallow');
    const [table] = readTables(d);
    expect(table!.columns.map((c) => c.period?.year ?? null)).toEqual([null, 2024, 2023]);
    expect(table!.unit.scale).toBe('million');
    const bulk = table!.rows.find((r) => r.label === 'Bulk revenue')!;
    expect(bulk.row.cells.map((c) => d.text.slice(c.start, c.end))).toEqual(['Bulk revenue', '210.9', '188.3']);
  });

  it('turns the cells of both formats into indicator records whose offsets hold', () => {
    const chunks = docs.flatMap((d) => chunkDocument(d));
    const records = buildIndicators(docs, chunks).filter((r) => r.series !== undefined);
    const byText = (docId: string, text: string) => records.find((r) => r.docId === docId && r.text === text)!;
    expect(byText('corvel', '1,305')).toMatchObject({
      series: 'Valves',
      value: 1305,
      scale: 'thousand',
      currency: 'EUR',
      years: [2024],
    });
    expect(byText('tallow', '188.3')).toMatchObject({
      series: 'Bulk revenue',
      value: 188.3,
      scale: 'million',
      years: [2023],
    });
    for (const r of records) expect(doc(r.docId).text.slice(r.start, r.end)).toBe(r.text);
  });
});
