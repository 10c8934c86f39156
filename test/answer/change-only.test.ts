import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** Fictional board minutes, written for this test. */
const MINUTES = `---
title: "Ashcombe Mews Residents' Association: minutes, 3 March 2025"
---
Fictional document written for testing; all names and figures are invented.

The treasurer reported that the buildings insurance premium went up by 18% at the February renewal. The service charge for 2025 is £1,240 per flat. Garden maintenance now costs £3,150 a year, up 5% on last year.
`;

describe('a question for a figure whose passage gives only its change', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'ashcombe-minutes.md': MINUTES });
  });
  afterAll(() => t?.cleanup());

  it('abstains: a change is not the level asked for', async () => {
    const r = await askChat(t.app, 'How much is the buildings insurance premium after the February renewal?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toContain('changed');
  });

  it('answers when the question asks for the change', async () => {
    const r = await askChat(t.app, 'By how much did the buildings insurance premium go up at the February renewal?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toContain('18%');
  });

  it('answers with the level when the sentence gives it beside its change', async () => {
    const r = await askChat(t.app, 'How much does garden maintenance cost a year?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain('£3,150');
  });
});
