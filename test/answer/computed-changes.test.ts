import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameKind } from '../../src/answer/grounding/figure-labels.js';
import { extractClaims } from '../../src/numbers/index.js';
import { askChat, makeCorpusApp, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional trial summary and fictional release notes. */
const CORPUS = fileURLToPath(new URL('../fixtures/changes/', import.meta.url));

describe('changes computed from two figures of one sentence', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  const computed = async (question: string) => {
    const r = await askChat(t.app, question);
    expect(r.abstained).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('growth_rate');
    return { r, check: check! };
  };

  it('go from the larger to the smaller figure for a fall, and say it as a decrease', async () => {
    const { r, check } = await computed('By how much did velatrine reduce severe attacks?');
    expect(check.args).toEqual({ from: '1.04', to: '0.62' });
    expect(r.answer).toMatch(/^From 1\.04 to 0\.62 is a decrease of 40\.38%/);
  });

  it('give the change itself beside the rate when "by how much" asks for no percentage', async () => {
    const { r } = await computed('By how much did velatrine reduce severe attacks?');
    const change = r.checks.filter((c) => c.status === 'computed').map((c) => [c.op, c.value]);
    expect(change[1]?.[0]).toBe('difference');
    expect(change[1]?.[1]).toBeCloseTo(-0.42, 6);
    expect(r.answer).toContain('is a decrease of 40.38%, a fall of 0.42');
    const claims = r.checks.filter((c) => c.status === 'computed').map((c) => c.claim);
    expect(claims).toEqual(['From 1.04 to 0.62 is a decrease of 40.38%', 'a fall of 0.42']);
    const rate = await computed('By what percentage did hospital admissions fall?');
    expect(rate.r.checks.filter((c) => c.status === 'computed')).toHaveLength(1);
  });

  it('take the figures a sentence writes as "from X to Y" before others that share a word of the question', async () => {
    const { check } = await computed('By what percentage did hospital admissions fall?');
    expect(check.args).toEqual({ from: '88', to: '51' });
  });

  it('leave out the year when both figures have the same one', async () => {
    const { r } = await computed('By what percentage does the Team plan price rise?');
    expect(r.answer).toMatch(/^From €11 to €12 is an increase of 9\.09%/);
  });
});

describe('numbers of a document title', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  it('count as given by every sentence of the document', async () => {
    const r = await askChat(t.app, 'How long does a 2 GB file take to upload in version 5.2?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('about 4 minutes');
  });

  it('do not stand for another number', async () => {
    const r = await askChat(t.app, 'How long does a 2 GB file take to upload in version 5.3?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toContain('5.3');
  });
});

describe('figures of one kind', () => {
  const claims = (text: string) => extractClaims(text, 0);

  it('are counts in the same unit of measure, or both without one', () => {
    const [gb, now, rate, before] = claims(
      'A 2 GB file now uploads in about 4 minutes on a 100 Mbit/s connection, against 9 minutes before.',
    );
    expect(gb?.text).toBe('2');
    expect(sameKind(gb!, rate!)).toBe(false);
    expect(now && before && sameKind(now, before)).toBe(true);
    const [weeks, treated, placebo] = claims('Over the 52 weeks, there were 0.62 attacks per person, against 1.04.');
    expect(sameKind(weeks!, treated!)).toBe(false);
    expect(sameKind(treated!, placebo!)).toBe(true);
  });
});

/** A fictional results note, written for this test. */
const RESULTS = `---
title: "Milbrook Dairies: results 2024"
---
Fictional document written for testing; the company and figures are invented.

Milbrook Dairies' revenue fell by 1.8% to £415 million in 2024, as milk prices came down. The company employs 2,100 people, after closing its Exeter plant in 2023.
`;

describe('a figure for the year before the one a sentence gives with its change', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'milbrook-results.md': RESULTS });
  });
  afterAll(() => t?.cleanup());

  it('is the earlier value the change implies', async () => {
    const r = await askChat(t.app, "What was Milbrook's revenue in 2023?");
    expect(r.abstained).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('implied_base');
    expect(check?.value).toBeCloseTo(422.6, 1);
    expect(r.checks.filter((c) => c.op === 'implied_base')).toHaveLength(1);
  });

  it('is not sought for a year two before', async () => {
    const r = await askChat(t.app, "What was Milbrook's revenue in 2022?");
    expect(r.checks.some((c) => c.op === 'implied_base')).toBe(false);
  });
});

const SURVEY = `---
title: "Fenwold school sleep survey (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

After the term, 37% of pupils in the early-bedtime group said they felt tired in lessons, down from 58% at the start.

In the comparison group the figure barely moved, from 57% to 54%.
`;

describe('percentage-point changes written "Y%, down from X%"', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'fenwold-survey.md': SURVEY });
  });
  afterAll(() => t?.cleanup());

  it('takes the best sentence\'s pair, earlier figure first, not a "from X% to Y%" pair of another group', async () => {
    const r = await askChat(
      t.app,
      'By how many percentage points did tiredness in lessons drop in the early-bedtime group?',
    );
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('pp_change');
    expect(check?.args).toEqual({ from: 58, to: 37 });
  });
});
