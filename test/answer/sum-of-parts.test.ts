import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partsToAdd } from '../../src/answer/offline/sum-of-parts.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** Fictional minutes of a village hall committee, written for this test. */
const MINUTES = `---
title: "Ashcombe Village Hall committee: minutes of 4 March"
---
Fictional document written for testing; all names and figures are invented.

Priya Lenholt (Treasurer): We asked two firms to quote for re-roofing the main hall. Fernlow Roofing quoted £48,200 with a ten-year guarantee. Calloway and Sons quoted £52,900. Scaffolding is not part of either quote; Tallis Access will put it up for £6,750 whichever firm we choose.

Owen Marsh (Chair): I propose a ceiling of £60,000 for the whole job, including the scaffolding and a contingency for rotten battens.

The committee also agreed to repaint the kitchen this summer.
`;

/** A fictional note on another building, whose scaffolding is priced too, written for this test. */
const OTHER = `---
title: "Dunmere Scout Hut: repairs note"
---
Fictional document written for testing; all names and figures are invented.

Scaffolding for the scout hut gable will cost £3,100 from Pell Hire. Brindle Roofing quoted £9,400 to replace the felt roof.
`;

describe('partsToAdd', () => {
  it('reads the two parts a question adds up', () => {
    expect(partsToAdd('What would the Fernlow quote and the scaffolding cost together?')).toEqual([
      'the Fernlow quote',
      'the scaffolding',
    ]);
    expect(partsToAdd('Including scaffolding, what would the Calloway roof cost in total?')).toEqual([
      'scaffolding',
      'the Calloway roof',
    ]);
    expect(partsToAdd('What is the total cost of the Fernlow quote and the scaffolding?')).toEqual([
      'the Fernlow quote',
      'the scaffolding',
    ]);
  });

  it('reads no parts in a question that adds nothing up', () => {
    expect(partsToAdd('What did Fernlow quote for the roof?')).toBeNull();
    expect(partsToAdd('What was the total cost of the roof?')).toBeNull();
    expect(partsToAdd('Who proposed the ceiling and when?')).toBeNull();
  });
});

describe('a total of two parts the documents price in different sentences', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'ashcombe-minutes.md': MINUTES, 'dunmere-hut.md': OTHER });
  });
  afterAll(() => t?.cleanup());

  it('adds each part’s own amount with the calculator, both from one document, citing both sentences', async () => {
    const r = await askChat(t.app, 'What would the Fernlow quote and the scaffolding cost together?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/£54,950/);
    expect(r.checks.find((c) => c.op === 'sum')?.value).toBe(54950);
    const quotes = r.citations.map((c) => c.quote).join(' ');
    expect(quotes).toMatch(/£48,200/);
    expect(quotes).toMatch(/£6,750/);
    expect(r.checks.filter((c) => c.status === 'unverified')).toEqual([]);
    const other = await askChat(t.app, 'What would the Brindle quote and the scaffolding cost together?');
    expect(other.checks.find((c) => c.op === 'sum')?.value).toBe(12500);
  });

  it('takes neither a stated total nor what the question leaves out for a part', async () => {
    const r = await askChat(
      t.app,
      'Including scaffolding, what would the Calloway roof cost in total before any contingency?',
    );
    expect(r.checks.find((c) => c.op === 'sum')?.value).toBe(59650);
    expect(r.answer).not.toMatch(/£60,000 for/);
  });
});
