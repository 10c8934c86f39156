import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedDimension, unitAfter } from '../../src/language/dimensions.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional article, written for this test. */
const ARTICLE = `---
title: "Bridges of Orvalle (fictional)"
---
Fictional document written for testing; all names and figures are invented.

The Mill Bridge, with five arches and a length of 96 metres, was opened in 1610. The Orvalle Viaduct, a railway bridge of 31 brick arches, is 672 metres long and opened in 1881. The Ferry Tower beside it is 2 kilometres from the station.
`;

describe('dimensions of a comparison', () => {
  it('reads the dimension a comparative asks about and the unit written after a figure', () => {
    expect(askedDimension('How many times longer is the viaduct than the bridge?')).toBe('length');
    expect(askedDimension('How much heavier is the new bell?')).toBe('mass');
    expect(askedDimension('How many times larger was revenue?')).toBeUndefined();
    expect(unitAfter(' metres long')).toEqual({ word: 'metres', dimension: 'length' });
    expect(unitAfter(' km from the station')).toEqual({ word: 'km', dimension: 'length' });
    expect(unitAfter(' brick arches')).toBeUndefined();
  });
});

describe('comparing two measured things', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'orvalle-bridges.md': ARTICLE });
  });
  afterAll(() => t?.cleanup());

  it('takes the lengths, not the counts of arches, for "how many times longer" and "how much longer"', async () => {
    const ratio = await askChat(t.app, 'How many times longer is the Orvalle Viaduct than the Mill Bridge?');
    expect(ratio.checks.find((c) => c.status === 'computed')).toMatchObject({ op: 'ratio', value: 7 });
    const gap = await askChat(t.app, 'How much longer is the Orvalle Viaduct than the Mill Bridge?');
    expect(gap.checks.find((c) => c.status === 'computed')).toMatchObject({ op: 'difference', value: 576 });
  });
});
