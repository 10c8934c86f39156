import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTerms } from '../../src/answer/offline/scoring-query.js';
import type { CorpusStats } from '../../src/answer/question/corpus-stats.js';
import { tokenize } from '../../src/retrieval/tokenizer.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional radio panel on a river town's flood defences, written for this test. */
const PANEL = `---
title: "Wenlow Radio panel: the flood barrier (fictional transcript)"
---
Fictional document written for testing; every name, place and figure in it is invented.

Host: Welcome to the panel. With us are Marta Quill, a hydrologist, and Osric Banfield, the town engineer.

Marta Quill: The new flood barrier will hold back a river one metre higher than the 2019 flood. The river at Wenlow has risen faster each winter since 2015. That is to say, the barrier has to be planned for 2050.

Host: And the cost?

Osric Banfield: It will cost the town about 40 million crowns, and the barrier will protect four hundred homes. Work starts in March.

Marta Quill: Wenlow should also restore the water meadows upstream.

Osric Banfield: The quay car park will close for a year.

Host: Thank you both.
`;

describe('what several named speakers say', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'wenlow-panel.md': PANEL });
  });
  afterAll(() => t?.cleanup());

  it('quotes each named speaker on the topic, even one whose sentence scores well below the other', async () => {
    const r = await askChat(t.app, 'what did marta quill and osric banfield each say about the new flood barrier?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/Marta Quill/);
    expect(r.answer).toMatch(/Osric Banfield/);
  });
});

describe('the terms sentences are scored on', () => {
  it('leave out verbs of saying, which ask for what was said', () => {
    const terms = tokenize('barrier say said told');
    const stats: CorpusStats = {
      df: new Map(terms.map((t) => [t, 2])),
      chunkCount: 10,
      words: new Set(),
      stems: new Set(),
      initialisms: new Set(),
      speakers: [],
      years: new Set(),
    };
    const q = {
      text: 'What did she say about the barrier?',
      answerType: 'general' as const,
      years: [],
      numbers: [],
      speakers: [],
    };
    expect(queryTerms(stats, q).map((t) => t.term)).toEqual(tokenize('barrier'));
  });
});
