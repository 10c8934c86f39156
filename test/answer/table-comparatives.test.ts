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

describe('comparatives of two table rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'tollan-admission.md': PRICES });
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
});
