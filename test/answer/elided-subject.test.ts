import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional weather summary, written for this test. */
const SUMMARY = `---
title: "Pellow Valley weather summary, March 2026 (fictional)"
---
Fictional document written for testing; the places and figures are invented.

March was mild and dry in the Pellow Valley. The highest wind speed of the month was 88 km/h, recorded at Carran Point on 11 March during a gale. The lowest was 4 km/h at Brindle Marsh on 27 March. Frost was rare.
`;

describe('a sentence that leaves its noun to the one before it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'pellow-weather.md': SUMMARY });
  });
  afterAll(() => t?.cleanup());

  it('answers from "The lowest was …" after a sentence about the highest, instead of abstaining on the antonym', async () => {
    const where = await askChat(t.app, 'Where was the lowest wind speed recorded?');
    expect(where.abstained).toBe(false);
    expect(where.short?.text).toBe('Brindle Marsh');
    const when = await askChat(t.app, 'When was the lowest wind speed recorded?');
    expect(when.short?.text).toBe('27 March');
  });

  it('still answers the highest from its own sentence', async () => {
    const r = await askChat(t.app, 'Where was the highest wind speed recorded?');
    expect(r.short?.text).toBe('Carran Point');
  });
});
