import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/answer/schema.js';
import { askChat, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional annual-report excerpt with a results table (in millions) and a headcount table. */
const CORPUS = fileURLToPath(new URL('../fixtures/tables/', import.meta.url));

describe('offline answers from table cells', () => {
  let t: TestApp;
  let text = '';

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
    text = t.kb.current()!.docs[0]!.text;
  });
  afterAll(() => t?.cleanup());

  const ask = (question: string) => askChat(t.app, question);

  const computed = (r: ChatResponse) => r.checks.find((c) => c.status === 'computed');

  it('answers a lookup with the cell as the short answer and cites the row with its headers', async () => {
    const r = await ask('What was the total net sales in 2018?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('1,745');
    expect(text.slice(r.short!.start, r.short!.end)).toBe('1,745');
    const c = r.citations.find((x) => x.n === r.short!.citation)!;
    expect(c.quote).toBe('| Total net sales | 1,634 | 1,745 |');
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.table).toEqual({
      caption: 'Table 2: Consolidated results',
      headers: ['', 'Fiscal year 2019', 'Fiscal year 2018'],
      cells: ['Total net sales', '1,634', '1,745'],
    });
    expect(r.answer).toContain('1,745 million');
  });

  it('answers with the figure as the text states it when the text gives the cell, citing the row too', async () => {
    const r = await ask('What was the total net sales in 2019?');
    expect(r.short?.text).toBe('$1,634 million');
    expect(text.slice(r.short!.start, r.short!.end)).toBe('$1,634 million');
    expect(r.citations.find((x) => x.n === r.short!.citation)!.table).toBeUndefined();
    expect(r.citations.find((x) => x.table)?.quote).toBe('| Total net sales | 1,634 | 1,745 |');
  });

  it('answers a "how" question with the sentence that explains, not with a cell of the row it names', async () => {
    const r = await ask('How were operating expenses lowered?');
    expect(r.abstained).toBe(false);
    expect(r.short).toBeUndefined();
    expect(r.citations[0]!.quote).toContain('closed its Dunmore warehouse');
  });

  it('picks the column of the asked year among several', async () => {
    const r = await ask('How many office staff were there in 2017?');
    expect(r.short?.text).toBe('388');
  });

  it('computes a percentage change over two periods of one row, direction kept', async () => {
    const r = await ask('What is the percentage change in total net sales between 2018 and 2019?');
    const check = computed(r)!;
    expect(check.op).toBe('growth_rate');
    expect(check.value).toBeCloseTo(((1634 - 1745) / 1745) * 100, 6);
    expect(r.answer).toMatch(/decreased by 6\.36%/u);
    expect(r.citations.find((c) => c.table)?.table?.cells[0]).toBe('Total net sales');
    expect(check.cells?.map((c) => c.text)).toEqual(['1,745', '1,634']);
    const stated = r.citations.find((c) => c.quote.includes('decreased by 6.4%'));
    expect(stated?.table).toBeUndefined();
    expect(r.short).toMatchObject({ text: '6.4%', citation: stated!.n });
    expect(text.slice(r.short!.start, r.short!.end)).toBe('6.4%');
    expect(r.answer).toMatch(
      /^6\.4% \[\d\], as the text states it; from the table: Total net sales decreased by 6\.36%/u,
    );
    expect(r.answer).toContain(
      `The text itself states 6.4% [${stated!.n}], which the computation from the table confirms`,
    );
  });

  it('computes a share from two rows of one period, the smaller as the part', async () => {
    const r = await ask('What is marine fittings as a percentage of total net sales in 2019?');
    const check = computed(r)!;
    expect(check.op).toBe('share');
    expect(check.value).toBeCloseTo((1012 / 1634) * 100, 6);
    expect(r.citations.map((c) => c.table?.cells[0])).toEqual(['Marine fittings', 'Total net sales']);
  });

  it('answers which period a figure is highest in with the year from the header row, cited', async () => {
    const r = await ask('In which year were there more production staff?');
    expect(r.short?.text).toBe('2018');
    expect(text.slice(r.short!.start, r.short!.end)).toBe('2018');
    const header = r.citations.find((c) => c.n === r.short!.citation)!;
    expect(header.quote).toBe('| Headcount | 2019 | 2018 | 2017 |');
    expect(r.answer).toMatch(/^Production staff was highest in 2018 \(2,310; /u);
  });

  it('answers several periods of one row with one span per cell, in the order asked', async () => {
    const r = await ask('How many office staff were there in 2019 and 2017 respectively?');
    expect(r.spans?.map((x) => x.text)).toEqual(['415', '388']);
    expect(r.short?.text).toBe('415');
    for (const x of r.spans!) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('answers "what are the X in 2019 and 2018" from the row too, not as a list of things', async () => {
    const r = await ask('What are the cost of sales in 2019 and 2018?');
    expect(r.abstained).toBe(false);
    expect(r.spans?.map((x) => x.text)).toEqual(['(1,101)', '(1,160)']);
  });

  it('lists the years a row covers, and those passing a bound, from the header row', async () => {
    const all = await ask('Which years does the table provide information for production staff?');
    expect(all.spans?.map((x) => x.text)).toEqual(['2019', '2018', '2017']);
    const above = await ask('Which years did production staff exceed 2,200?');
    expect(above.spans?.map((x) => x.text)).toEqual(['2018', '2017']);
    expect(above.citations.find((c) => c.n === above.spans![0]!.citation)!.quote).toBe(
      '| Headcount | 2019 | 2018 | 2017 |',
    );
    const table = await ask('Which years does the table provide information for headcount?');
    expect(table.spans?.map((x) => x.text)).toEqual(['2019', '2018', '2017']);
    const count = await ask('How many years did production staff exceed 2,200?');
    expect(count.answer).toMatch(/^2 years: Production staff is above 2,200 in 2018 \(2,310\), 2017 \(2,280\)/u);
  });

  it('answers which row has the highest figure with the row label, leaving total rows out', async () => {
    const r = await ask('Which segment had the largest net sales in 2019?');
    expect(r.short?.text).toBe('Marine fittings');
    expect(r.citations.find((c) => c.n === r.short!.citation)!.quote).toBe('| Marine fittings | $ 1,012 | $ 1,187 |');
  });

  it('lists the rows of the section a question names, one span per label, total rows left out', async () => {
    const r = await ask('What are the components of net sales?');
    expect(r.spans?.map((x) => x.text)).toEqual(['Marine fittings', 'Industrial fittings']);
    for (const x of r.spans!) expect(r.citations.find((c) => c.n === x.citation)!.quote).toContain(`| ${x.text} |`);
  });

  it('answers why-questions from the text, not from a table row', async () => {
    const r = await ask('Why did operating expenses fall?');
    expect(r.citations[0]!.table).toBeUndefined();
    expect(r.citations[0]!.quote).toContain('closed its Dunmore warehouse');
  });

  it('does not answer from a table whose rows do not match the question', async () => {
    const r = await ask('What was the dividend per share in 2019?');
    expect(r.citations.every((c) => c.table === undefined)).toBe(true);
  });
});
