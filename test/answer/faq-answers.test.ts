import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional library FAQ written as bold "Q:" lines, each answered by an "A:" paragraph. */
const CORPUS = fileURLToPath(new URL('../fixtures/faq/', import.meta.url));

describe('answers from an FAQ', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  it("quote the FAQ's answer, not its question, when the question matches best", async () => {
    const r = await askChat(t.app, 'Who do I contact about room bookings?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('Marisol Teague');
    expect(r.citations[0]?.quote).toContain('Email the events coordinator');
  });

  it("judge the FAQ's answer with its question, and quote no question as more evidence", async () => {
    const r = await askChat(t.app, 'When is the library open?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('9 am to 7 pm');
    expect(r.citations.map((c) => c.quote).filter((q) => q.includes('?'))).toEqual([]);
  });

  it('answer a yes/no question with the sentence saying the opposite of its word', async () => {
    const r = await askChat(t.app, 'Is the library open on Sundays?');
    expect(r.abstained).toBe(false);
    expect(r.citations.some((c) => c.quote.includes('closed on Sundays'))).toBe(true);
  });
});

/** A fictional notice, written for this test. */
const NOTICE = `---
title: "Ashgrove swimming pool: opening times"
---
Fictional document written for testing; the pool and its times are invented.

The Ashgrove swimming pool is closed on Mondays for cleaning. On other days it opens at 7 am.
`;

describe('yes/no questions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'ashgrove-pool.md': NOTICE });
  });
  afterAll(() => t?.cleanup());

  it('are answered by a sentence saying the opposite of their word, not refused for it', async () => {
    const r = await askChat(t.app, 'Is the Ashgrove swimming pool open on Mondays?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('closed on Mondays');
  });

  it('leave another question whose word the sentence contradicts a near miss', async () => {
    const r = await askChat(t.app, 'What time does the Ashgrove swimming pool open on Mondays?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/“closed”, not “open”/);
  });
});

/** Two fictional notices, written for this test: one says how to renew, the other only uses the word. */
const MEMBERSHIP = `---
title: "Ashgrove swimming pool: memberships"
---
Fictional document written for testing; the pool and its prices are invented.

To renew a membership, bring your card to the front desk or use the Ashgrove app.
`;
const PARKING = `---
title: "Ashgrove car park: permits"
---
Fictional document written for testing; the car park and its prices are invented.

A renewal fee of £5 applies to every parking permit, and permits renew each January.
`;

describe('how-to questions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'ashgrove-membership.md': MEMBERSHIP, 'ashgrove-parking.md': PARKING });
  });
  afterAll(() => t?.cleanup());

  it('quote the sentence saying what to do for it first', async () => {
    const r = await askChat(t.app, 'How can I renew?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('To renew a membership');
  });
});
