import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedCount } from '../../src/answer/offline/rate-total.js';
import { askChat, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional price list: two nightly rates and two rates per lesson in one sentence each. */
const CORPUS = fileURLToPath(new URL('../fixtures/rates/', import.meta.url));

describe('askedCount', () => {
  it('reads the count and the unit a total is asked over', () => {
    expect(askedCount('What is the total rent over the 40-week contract?')).toEqual({
      times: 40,
      units: [
        { term: 'week', plural: undefined },
        { term: 'contract', plural: 'contract' },
      ],
    });
    expect(askedCount('How much will I pay for three nights?')).toEqual({
      times: 3,
      units: [{ term: 'night', plural: 'nights' }],
    });
    expect(askedCount('What do 4 kayak sessions cost?')?.units.map((u) => u.term)).toEqual(['kayak', 'session']);
  });

  it('counts no year, and no single unit', () => {
    expect(askedCount('What was the total for 2019 and 2018?')).toBeNull();
    expect(askedCount('How much is 1 night?')).toBeNull();
  });
});

describe('totals over a count of units', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  const computed = async (question: string) => {
    const r = await askChat(t.app, question);
    expect(r.abstained).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('product');
    return { r, check: check! };
  };

  it('take the value given per the asked unit that many times', async () => {
    const { r, check } = await computed('How much will three nights in a bunk room cost in total?');
    expect(check.args).toEqual({ value: '£38', times: 3 });
    expect(check.value).toBe(114);
    expect(r.answer).toMatch(/^£38 a night for 3 nights is £114/);
    expect(r.citations[0]?.quote).toContain('£38 a night');
  });

  it('read what follows the last rate’s clause as said of them all', async () => {
    const { check } = await computed('What is the total for 3 nights with breakfast in a bunk room?');
    expect(check.args).toEqual({ value: '£38', times: 3 });
  });

  it('take the value the question’s words name, not the first in the sentence', async () => {
    const cabin = await computed('What is the total cost of a private cabin for 5 nights?');
    expect(cabin.check.args).toEqual({ value: '£64', times: 5 });
    const adults = await computed('What would 6 sessions of kayak lessons for adults cost?');
    expect(adults.check.args).toEqual({ value: '£30', times: 6 });
    const juniors = await computed('How much do 4 kayak sessions for juniors cost?');
    expect(juniors.check.args).toEqual({ value: '£22', times: 4 });
    expect(juniors.r.answer).toMatch(/^£22 per session for 4 sessions is £88/);
  });

  it('compute nothing when no value is given per the counted unit', async () => {
    const r = await askChat(t.app, 'How much does the climbing wall cost for 3 days?');
    expect(r.checks.some((c) => c.op === 'product')).toBe(false);
  });
});
