import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../src/ingest/load-pdf.js';
import { ensurePromiseTry } from '../../src/ingest/promise-try.js';

const SIZE = 11;
const LINE = 15;
const LABEL_X = 72;
/** Right edges of the two numeric columns. */
const RIGHT_2019 = 380;
const RIGHT_2018 = 480;

/** Fictional figures: the company and every number are invented for this test. */
const TABLE: readonly (readonly [string, string, string])[] = [
  ['Fictional segment', '2019', '2018'],
  ['Gadget revenue', '$ 1,234', '$ 1,100'],
  ['Expenses', '', ''],
  ['Cost of sales', '(361)', '(340)'],
  ['Operating margin', '12.5%', ''],
  ['Sprocket units', '48', '52'],
];

const BEFORE = ['Northwind Gadgets is a fictional company.', 'Its invented results for two years follow.'];
const AFTER = ['Margins improved while units fell.', 'None of these figures are real.'];

function drawRight(page: PDFPage, font: PDFFont, text: string, right: number, y: number): void {
  if (text) page.drawText(text, { x: right - font.widthOfTextAtSize(text, SIZE), y, size: SIZE, font });
}

async function tablePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([600, 800]);
  let y = 740;
  for (const line of BEFORE) {
    page.drawText(line, { x: LABEL_X, y, size: SIZE, font });
    y -= LINE;
  }
  y -= LINE;
  const spanning = 'Year ended December 31';
  const centre = (RIGHT_2019 + RIGHT_2018) / 2 - 20;
  page.drawText(spanning, { x: centre - font.widthOfTextAtSize(spanning, SIZE) / 2, y, size: SIZE, font });
  y -= LINE;
  for (const [label, a, b] of TABLE) {
    page.drawText(label, { x: LABEL_X, y, size: SIZE, font });
    drawRight(page, font, a, RIGHT_2019, y);
    drawRight(page, font, b, RIGHT_2018, y);
    y -= LINE;
  }
  y -= LINE;
  for (const line of AFTER) {
    page.drawText(line, { x: LABEL_X, y, size: SIZE, font });
    y -= LINE;
  }
  return pdf.save();
}

async function prosePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([600, 800]);
  const left = [
    'The fictional harbour opened in spring.',
    'Ferries ran twice a day.',
    'Visitors came from',
    'nearby islands.',
  ];
  const right = ['A second pier is planned.', 'Its cost is not known.', 'Work may start', 'next year.'];
  left.forEach((text, i) => page.drawText(text, { x: 50, y: 740 - i * LINE, size: SIZE, font }));
  right.forEach((text, i) => page.drawText(text, { x: 330, y: 740 - i * LINE, size: SIZE, font }));
  page.drawText('Closing remarks: 12 ferries, 3 piers and 1,200 visitors.', { x: 50, y: 660, size: SIZE, font });
  return pdf.save();
}

/** The text unpdf's `extractText` gives, trimmed as the loader trims it. */
async function extractTextPages(bytes: Uint8Array): Promise<string> {
  ensurePromiseTry();
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text
      .map((page) =>
        page
          .split('\n')
          .map((line) => line.trimEnd())
          .join('\n')
          .trim(),
      )
      .join('\n\n');
  } finally {
    await pdf.destroy();
  }
}

describe('PDF tables as pipe tables', () => {
  it('writes a table with aligned columns as pipe lines between the unchanged paragraphs', async () => {
    // Spanning header over the value columns, a section-label row and a missing cell included.
    const { text } = await loadPdf(await tablePdf());
    expect(text).toBe(
      [
        ...BEFORE,
        '',
        '|  | Year ended December 31 | Year ended December 31 |',
        '| --- | --- | --- |',
        '| Fictional segment | 2019 | 2018 |',
        '| Gadget revenue | $ 1,234 | $ 1,100 |',
        '| Expenses |  |  |',
        '| Cost of sales | (361) | (340) |',
        '| Operating margin | 12.5% |  |',
        '| Sprocket units | 48 | 52 |',
        '',
        ...AFTER,
      ].join('\n'),
    );
    const rows = text.split('\n').filter((line) => line.startsWith('|'));
    for (const row of rows) expect(row.split(' | ')).toHaveLength(3);
  });

  it('leaves prose, even in two aligned columns, as extractText reads it', async () => {
    const bytes = await prosePdf();
    const { text } = await loadPdf(bytes);
    expect(text).not.toMatch(/^\|/mu);
    expect(text).toBe(
      [
        'The fictional harbour opened in spring.',
        'Ferries ran twice a day.',
        'Visitors came from',
        'nearby islands.',
        'A second pier is planned.',
        'Its cost is not known.',
        'Work may start',
        'next year.',
        'Closing remarks: 12 ferries, 3 piers and 1,200 visitors.',
      ].join('\n'),
    );
    expect(text).toBe(await extractTextPages(bytes));
  });
});
