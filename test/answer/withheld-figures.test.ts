import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional trial press release, written for this test. */
const RELEASE = `---
title: "Orvane Therapeutics reports phase 2 results for lumacitinib"
---
Fictional document written for testing; all names and figures are invented.

Median progression-free survival was 7.4 months with lumacitinib and 4.1 months with placebo. Overall survival data for lumacitinib will be reported at a later date, when more events have occurred.
`;

describe('a passage that says the asked-for figure is not given', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'orvane-release.md': RELEASE });
  });
  afterAll(() => t?.cleanup());

  it('is a reason to abstain, said as such', async () => {
    const r = await askChat(t.app, 'What was median overall survival with lumacitinib?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toContain('not given yet');
  });

  it('still answers the figures it does give', async () => {
    const pfs = await askChat(t.app, 'What was median progression-free survival with lumacitinib?');
    expect(pfs.short?.text).toBe('7.4 months');
  });
});
