import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusStats } from '../../src/answer/question/corpus-stats.js';
import { isKnownWord } from '../../src/answer/question/vocabulary.js';
import { readDerivations } from '../../src/language/derivations.js';
import { derivedTerms } from '../../src/retrieval/derived-terms.js';
import { stem } from '../../src/retrieval/tokenizer.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/* A question worded with one form of a word, answered by a sentence with another. The document is fictional. */

const ARTICLE = `---
title: "Varn Valley (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

The Varn Valley lies north of the Tessel hills and is known for its orchards and its slate quarries.

Traders from Ostmere crossed the Varn Valley every summer after 1590, but none of them stayed for the winter.

The first Ostmere colony in the Varn Valley was founded in 1624 at Harwick Ford, on the east bank of the river.

The quarries closed in 1931, and the orchards now supply most of the region's cider.
`;

describe('derivationally related forms (WordNet)', () => {
  it('links forms across parts of speech, both ways, single words only', () => {
    const forms = readDerivations();
    expect(forms.get('colonize')).toContain('colony');
    expect(forms.get('colony')).toContain('colonize');
    expect(forms.get('die')).toContain('death');
    expect(forms.get('decide')).toContain('decision');
    for (const f of forms.get('marry') ?? []) expect(f).not.toMatch(/[_\s]/);
  });

  it('links tokenizer terms whose stems differ, and leaves out forms the stemmer already joins', () => {
    expect(derivedTerms(stem('colonize'))).toContain(stem('colony'));
    expect(derivedTerms(stem('grow'))).toContain(stem('growth'));
    expect(derivedTerms(stem('restrict'))?.has(stem('restriction')) ?? false).toBe(false);
  });
});

describe('answers from a sentence with another form of a question word', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'varn-valley.md': ARTICLE });
  });
  afterAll(() => t?.cleanup());

  it('takes "colony" for "colonize" and answers with its year, not the year of a sentence without it', async () => {
    const r = await askChat(t.app, 'When did settlers from Ostmere colonize the Varn Valley?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('1624');
    expect(r.citations[0]?.quote).toContain('colony');
  });

  it('knows a word the documents write only in another form', () => {
    const stats = corpusStats(t.kb.current()!);
    expect(isKnownWord(stats, 'colonize')).toBe(true);
    expect(isKnownWord(stats, 'colonnade')).toBe(false);
  });
});
