import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsApart } from '../../src/answer/offline/years-between.js';
import { sharesStem } from '../../src/answer/question/vocabulary.js';
import { askChat, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional town history with the years of its events. */
const CORPUS = fileURLToPath(new URL('../fixtures/history/', import.meta.url));

describe('eventsApart', () => {
  it.each([
    ['How many years after the mill burned did the new mill open?', 'the mill burned', 'the new mill open', 'after'],
    ['How long before the war was the bridge built?', 'the war', 'the bridge built', 'before'],
    ['How many years passed between the strike and the closure?', 'the strike', 'the closure', 'between'],
  ])('reads %s', (question, a, b, dir) => {
    expect(eventsApart(question)).toEqual({ a, b, dir });
  });

  it('reads no other question', () => {
    expect(eventsApart('How many years did the strike last?')).toBeNull();
    expect(eventsApart('When did the mill open?')).toBeNull();
  });
});

describe('years between two events', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  it.each([
    ['How many years after the last tram ran did the new line open?', 72, ['1952', '2024']],
    ['How long after the tramway opened was it electrified?', 8, ['1899', '1907']],
    ['How many years were there between the tramway opening and the last tram?', 53, ['1899', '1952']],
    ['How many years passed between the tramway opening and its electrification?', 8, ['1899', '1907']],
  ])('are the later year minus the earlier, each cited: %s', async (question, years, cited) => {
    const r = await askChat(t.app, question);
    expect(r.abstained).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('difference');
    expect(check?.value).toBe(years);
    for (const y of cited) expect(r.citations.some((c) => c.quote.includes(y))).toBe(true);
  });
});

describe('sharesStem', () => {
  it('takes words beginning alike for most of the shorter as forms of one word', () => {
    expect(sharesStem('electrification', 'electrified')).toBe(true);
    expect(sharesStem('international', 'internationally')).toBe(true);
    expect(sharesStem('electric', 'election')).toBe(false);
    expect(sharesStem('constitution', 'constituency')).toBe(false);
  });
});
