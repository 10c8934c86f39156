import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional specification sheet with a table of models by screen, battery, storage and price. */
const CORPUS = fileURLToPath(new URL('../fixtures/spec-table/', import.meta.url));

describe('table columns a question names by what it asks, not by a header word', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  it('take the money column for what something costs', async () => {
    const r = await askChat(t.app, 'How much does the Brisa One cost?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('449');
    expect(r.answer).toMatch(/Price \(€\): 449/);
  });

  it('compute a difference in price in the order the question names the rows', async () => {
    const r = await askChat(t.app, 'How much more does the Brisa Max cost than the Brisa Lite?');
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('difference');
    expect(check?.value).toBe(550);
    expect(r.answer).toMatch(/^Brisa Max \(799\) minus Brisa Lite \(249\)/);
  });

  it('still take a column the question names', async () => {
    const r = await askChat(t.app, 'How big is the screen of the Brisa One?');
    expect(r.short?.text).toBe('6.4');
  });

  it.each([
    ['Which model has the largest screen?', 'Brisa Max', /highest Screen \(inches\) \(6\.8;/],
    ['Which model has the smallest battery?', 'Brisa Lite', /lowest Battery \(mAh\) \(4,000;/],
    ['Which model is the cheapest?', 'Brisa Lite', /lowest Price \(€\) \(249;/],
    ['Which model is the most expensive?', 'Brisa Max', /highest Price \(€\) \(799;/],
  ])('answer %s with the row whose label names what the question asks which of', async (question, label, said) => {
    const r = await askChat(t.app, question);
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe(label);
    expect(r.answer).toMatch(said);
  });

  it('add up a column with no total row when the question names its rows together', async () => {
    const r = await askChat(t.app, 'How many phones did Brisa sell in total in 2024?');
    expect(r.abstained).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('sum');
    expect(check?.value).toBe(855_000);
    expect(r.citations).toHaveLength(3);
  });

  it("take a row's share of that column total when the question names one row", async () => {
    const r = await askChat(t.app, 'What share of 2024 units were Brisa Max phones?');
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('share');
    expect(check?.value).toBeCloseTo(16.37, 2);
    expect(r.answer).toMatch(/^Brisa Max \(140,000\) is 16\.37% of 855,000, the sum of the table's 3 rows/);
  });

  it('read a named row as it is, not as part of a total', async () => {
    const r = await askChat(t.app, 'How many Brisa One phones were sold in 2024?');
    expect(r.short?.text).toBe('335,000');
  });
});

/** A fictional fees page: one row per course, a column per kind of student. */
const FEES = `---
title: "Harrowgate College fees (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

| Course | Home students (£) | Overseas students (£) |
|---|---|---|
| Diploma | 4,100 | 8,300 |
| Honours degree | 9,000 | 15,600 |
`;

describe('a difference of two columns of one row', () => {
  let t: Awaited<ReturnType<typeof makeCorpusApp>>;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'fees.md': FEES });
  });
  afterAll(() => t?.cleanup());

  it('names each column once, with no one column as where both figures sit', async () => {
    const r = await askChat(t.app, 'How much more do overseas students pay than home students for an Honours degree?');
    expect(r.checks.find((c) => c.status === 'computed')?.value).toBe(6600);
    expect(r.answer).toMatch(/\(15,600\) minus .*\(9,000\) is £6,600/);
    expect(r.answer).not.toMatch(/\) in (?:Home|Overseas) students/);
  });
});
