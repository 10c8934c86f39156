import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/answer/schema.js';
import { askChat, makeTestApp, type TestApp } from '../helpers/app.js';

/** Two fictional report excerpts whose tables are laid out as real reports lay them out (see each file). */
const CORPUS = fileURLToPath(new URL('../fixtures/table-layouts/', import.meta.url));

describe('offline answers from tables as reports lay them out', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  const ask = (question: string) => askChat(t.app, question);
  const docText = (docId: string) => t.kb.current()!.docById.get(docId)!.text;
  const cited = (r: ChatResponse) => r.citations.find((c) => c.n === r.short!.citation)!;

  it('reads the terms of a caption that introduces the table with a colon, past its unit line', async () => {
    const r = await ask('What were the total lease revenues from Northland in 2019?');
    expect(r.short?.text).toBe('4,210');
    expect(cited(r).table?.caption).toBe(
      'The following table presents total lease revenues by region, based on where the equipment is used:',
    );
    expect(r.answer).toContain('4,210 thousand');
  });

  it('reads a row with no label as the total, and compares years in the currency columns, not the shares', async () => {
    const r = await ask('Which year had higher total lease revenue?');
    expect(r.short?.text).toBe('2019');
    expect(r.answer).toContain('20,050 thousand; 17,730 in 2018');
  });

  it('answers the total of a section from its unlabelled last row', async () => {
    expect((await ask('What is total earnings per share (cents) for 2019?')).short?.text).toBe('44.3');
    expect((await ask('What were the total dividends per share in 2018?')).short?.text).toBe('20.0');
  });

  it('reads each block of a table that stacks one block per year', async () => {
    const r = await ask('What were quarterly revenues in the fiscal 2018 third quarter?');
    expect(r.short?.text).toBe('4,575');
    const change = await ask(
      'What percentage did quarterly revenues increase by between the fiscal 2018 third quarter and the fiscal 2019 third quarter?',
    );
    const check = change.checks.find((c) => c.status === 'computed')!;
    expect(check.op).toBe('growth_rate');
    expect(check.value).toBeCloseTo(((5120 - 4575) / 4575) * 100, 6);
  });

  it('tells rows apart by the kind their note names ("Scope 1")', async () => {
    const r = await ask('In which year were the Scope 1 emissions larger?');
    expect(r.short?.text).toBe('2018');
    expect(cited(r).quote).toMatch(/Scope 1|2019 \| 2018/u);
    expect(r.answer).toContain('61.0; 52.4 in 2019');
    const passing = await ask('Which of the years had total emissions greater than 360?');
    expect(passing.short?.text).toBe('2019');
    expect(passing.answer).toMatch(/above 360 in 2019/u);
  });

  it('ranks rows in the column the question names most distinctly, leaving group totals out', async () => {
    const smallest = await ask('In which currency was the total amount of deposits the smallest?');
    expect(smallest.short?.text).toBe('Euro');
    const highest = await ask('Which foreign currency has the highest total deposits?');
    expect(highest.short?.text).toBe('Krone');
    expect(highest.answer).not.toContain('Group total');
  });

  it('reads a roll-forward: movements belong to the year their closing row names', async () => {
    const granted = await ask('How many options were granted in 2019?');
    expect(granted.short?.text).toBe('210,000');
    expect(cited(granted).quote).toBe('| Granted | 210,000 | $7.50 |');
    const text = docText(cited(granted).docId);
    expect(text.slice(cited(granted).start, cited(granted).end)).toBe(cited(granted).quote);
    const outstanding = await ask('What is the number of options outstanding at December 31, 2018?');
    expect(outstanding.short?.text).toBe('1,330,000');
  });

  it('answers a count of a bracketed movement with its magnitude, verbatim', async () => {
    const r = await ask('What was the number of options forfeited in 2018?');
    expect(r.short?.text).toBe('20,000');
    expect(docText(cited(r).docId).slice(r.short!.start, r.short!.end)).toBe('20,000');
    expect(cited(r).quote).toBe('| Forfeited | (20,000) | $5.00 |');
  });

  it('computes a change between the dated rows of a roll-forward', async () => {
    const r = await ask('What is the change in the number of options outstanding between 2018 and 2019?');
    const check = r.checks.find((c) => c.status === 'computed')!;
    expect(check.op).toBe('difference');
    expect(check.value).toBe(175000);
    expect(r.answer).toMatch(/increased by 175,000, from 1,330,000 in 2018 to 1,505,000 in 2019/u);
  });

  it('leads with the figure the text states for a cell, checked against the cell, and cites both', async () => {
    const r = await ask('How much cash was provided by financing activities in 2019?');
    expect(r.short?.text).toBe('$2.4 million');
    expect(cited(r).quote).toContain('Net cash provided by financing activities was $2.4 million');
    expect(cited(r).table).toBeUndefined();
    expect(docText(cited(r).docId).slice(r.short!.start, r.short!.end)).toBe('$2.4 million');
    expect(r.citations.some((c) => c.quote === '| Financing activities | 2,385 | 1,140 |')).toBe(true);
    expect(r.answer).toMatch(/the table gives .*2,385 \[\d\], which agrees/u);
  });

  it('keeps the cell when the text rounds it too coarsely to stand for it', async () => {
    const r = await ask('How much cash was used in investing activities in 2019?');
    expect(r.short?.text).toBe('(472)');
    expect(cited(r).table).toBeDefined();
  });

  it('answers what a line item includes with the footnote its label points to, citing the note and the row', async () => {
    const r = await ask('What is included in fleet upkeep costs?');
    expect(r.short?.text).toBe('Include tyres, servicing of trucks and trailers, and the cost of replacement parts.');
    expect(docText(cited(r).docId).slice(r.short!.start, r.short!.end)).toBe(r.short!.text);
    expect(cited(r).quote.startsWith('(1) Include tyres')).toBe(true);
    expect(r.citations.find((c) => c.table)?.quote).toBe('| Fleet upkeep costs(1) | 3,120 | 2,960 |');
    const depot = await ask('What do depot costs include?');
    expect(depot.short?.text).toBe('Include rent, security and cleaning of the three depots.');
  });

  it("looks up a footnoted row's figure as any other cell", async () => {
    const r = await ask('What were depot costs in 2018?');
    expect(r.short?.text).toBe('998');
  });

  it("leads a computed change with the row's own Change cell when it states the result at its precision", async () => {
    const r = await ask('What was the percentage change in freight revenue between 2018 and 2019?');
    const check = r.checks.find((c) => c.status === 'computed')!;
    expect(check.value).toBeCloseTo(((12480 - 11885) / 11885) * 100, 6);
    expect(r.short?.text).toBe('5.0%');
    expect(docText(cited(r).docId).slice(r.short!.start, r.short!.end)).toBe('5.0%');
    expect(r.answer).toContain('the table’s “Change” column states 5.0%'.replace('’', "'"));
    const down = await ask('What was the percentage change in storage revenue between 2018 and 2019?');
    expect(down.short?.text).toBe('(5.6)%');
  });

  it('computes "the increase in X in 2019" from the year before, and finds it stated in the text in another scale', async () => {
    const r = await ask('What was the increase in insurance in 2019?');
    const check = r.checks.find((c) => c.status === 'computed')!;
    expect(check.op).toBe('difference');
    expect(check.value).toBe(1220);
    expect(r.answer).toMatch(
      /The text itself states \$1\.2 million \[\d\], which the computation from the table confirms/u,
    );
  });

  it('answers a change the best sentence states with that figure, not a difference of two others in it', async () => {
    const r = await ask('How much did head office expenses decrease by from 2018 to 2019?');
    expect(r.short?.text).toBe('$2.2 million');
    expect(docText(cited(r).docId).slice(r.short!.start, r.short!.end)).toBe('$2.2 million');
    expect(r.checks.some((c) => c.status === 'computed')).toBe(false);
  });

  it('answers two series asked respectively for one year, each row named by the section it alone makes up', async () => {
    const r = await ask('What are the respective sales and purchases for 2018?');
    expect(r.spans?.map((x) => x.text)).toEqual(['$3,980', '1,905']);
    for (const x of r.spans ?? []) expect(docText(cited(r).docId).slice(x.start, x.end)).toBe(x.text);
    const single = await ask('What were the sales for 2019?');
    expect(single.short?.text).toBe('$2,415');
  });

  it('leads with the figures one sentence states for each asked year, in the order asked', async () => {
    const r = await ask('What was insurance in 2019 and 2018 respectively?');
    expect(r.spans?.map((x) => x.text)).toEqual(['$2.53 million', '$1.31 million']);
    expect(r.answer).toMatch(/as the text states them; the table gives .*which agrees/u);
  });
});
