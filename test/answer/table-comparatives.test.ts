import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question/question.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/* "How much less (cheaper, fewer) is A than B" over two rows of a price table. The document is fictional. */

const PRICES = `---
title: "Tollan Aquarium: admission (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

| Ticket | Price |
|---|---|
| Adult | £18.50 |
| Concession (over-65s, full-time students, jobseekers) | £13.00 |
| Child (3–15) | £9.00 |
| Family (2 adults and 2 children) | £49.00 |

Members go in free.
`;

const MODELS = `---
title: "Brisa Domestic: heater recall (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

| Model | Power | Colour | Batch codes | Units sold |
| --- | --- | --- | --- | --- |
| Brisa B-10 | 1.0 kW | White | 2335 to 2402 | 6,210 |
| Brisa B-20 | 2.0 kW | White or grey | 2335 to 2402 | 8,940 |
`;

const CHARGES = `---
title: "Orlin Group: restructuring (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

| | Total expected charges | Charges incurred |
| --- | --- | --- |
| Marine Systems | $ 160 | $ 144 |
| Rail Systems | 80 | 66 |
| Total | $ 240 | $ 210 |
`;

const OVERTIME = `---
title: "Orlin Group: overtime (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

| Team | Staff paid overtime | Hours of overtime |
| --- | --- | --- |
| Marine Systems | 14 | 310 |
| Rail Systems | 9 | 188 |
`;

describe('comparatives of two table rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({
      'tollan-admission.md': PRICES,
      'brisa-recall.md': MODELS,
      'orlin-charges.md': CHARGES,
      'orlin-overtime.md': OVERTIME,
    });
  });
  afterAll(() => t?.cleanup());

  it.each([
    'How much less does a concession ticket cost than an adult ticket?',
    'How much cheaper is a concession ticket than an adult ticket?',
    'How many fewer pupils were there than in 2020?',
  ])('reads "%s" as a difference', (q) => expect(analyzeQuestion(q).op).toBe('difference'));

  it('takes the larger row first for "how much less", and names a row by its label before a bracketed qualifier', async () => {
    const r = await askChat(t.app, 'How much less does a concession ticket cost than an adult ticket?');
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('difference');
    expect(check?.value).toBeCloseTo(5.5, 2);
    expect(r.citations.map((c) => c.quote).join(' ')).toContain('| Concession (over-65s');
  });

  it('keeps the order named for "how much more"', async () => {
    const r = await askChat(t.app, 'How much more does an adult ticket cost than a child ticket?');
    expect(r.checks.find((c) => c.status === 'computed')?.value).toBeCloseTo(9.5, 2);
  });

  it('reads "how many more A were sold than B" as the difference of the two rows', async () => {
    const r = await askChat(t.app, 'How many more B-20 heaters were sold than B-10 heaters?');
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('difference');
    expect(check?.value).toBe(2730);
  });

  it('answers no price from a table whose row gives no amount of money', async () => {
    const r = await askChat(t.app, 'How much does a Brisa B-20 heater cost?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toContain('no passage gives a price');
  });

  it('takes a cost from a column whose currency only some rows write', async () => {
    const r = await askChat(
      t.app,
      'What was the difference in total expected charges between Marine Systems and Rail Systems?',
    );
    expect(r.checks.find((c) => c.status === 'computed')?.value).toBe(80);
  });

  it('reads a row without money for a question that mentions pay but asks no price', async () => {
    const r = await askChat(t.app, 'How many more Marine Systems staff were paid overtime than Rail Systems staff?');
    expect(r.checks.find((c) => c.status === 'computed')?.value).toBe(5);
  });
});
