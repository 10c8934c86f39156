import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional club history, written for this test. */
const CLUB = `---
title: "Harrowdene Athletic"
---
Fictional document written for testing; all names and figures are invented.

Harrowdene Athletic won the Fourth Division in the 2018–19 season, clinching the title on the last day. In 42 league matches the side won 25, drew 9 and lost 8, scoring 70 goals and conceding 41.

The club's ground, Mossbank Park, holds 9,400 spectators.
`;

describe('rates asked with "per"', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'harrowdene.md': CLUB });
  });
  afterAll(() => t?.cleanup());

  it('divides the figure before "per" by the one after it, from the sentence that goes on about the season asked', async () => {
    const r = await askChat(
      t.app,
      'On average, how many goals per match did Harrowdene Athletic score in their 2018–19 title season?',
    );
    expect(r.abstained).toBe(false);
    expect(r.checks.find((c) => c.status === 'computed')).toMatchObject({ op: 'ratio', formula: '70 / 42' });
    expect(r.answer).toMatch(/^70 over 42 is 1\.67 per match/u);
  });
});
