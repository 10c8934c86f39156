import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesOfOtherDocuments, questionNames } from '../../src/answer/offline/document-names.js';
import type { SourceDocument } from '../../src/types.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** Two fictional documents, written for this test: each names its own organisation. */
const WATER = `---
title: "Tessary Water Board: annual summary 2023 (fictional)"
---
Fictional document written for testing; all names and figures are invented.

Mirela Oduya, who became chief executive of the board in March 2023, said the network had lost less water than in any year before. Leakage fell to 15.2% of supply in 2023.
`;
const SOFTWARE = `---
title: "Borlan Software: second-quarter results call (fictional)"
---
Fictional document written for testing; all names and figures are invented.

Borlan's revenue grew 31% in the second quarter. Its chief executive, Ivo Marr, said the company would hire 40 engineers. Gross margin was 77.9%, down from 79.4% a year earlier, because compute is still rented from cloud providers.
`;

const doc = (title: string, text: string): SourceDocument => ({ docId: title, title, path: '', format: 'md', text });

describe('questionNames', () => {
  it('takes the capitalised words after the first, without possessives or initialisms', () => {
    expect(questionNames("Who became chief executive of Borlan's board in 2023?")).toEqual(['Borlan']);
    expect(questionNames('What did the ANB decide in March?')).toEqual(['March']);
    expect(questionNames('Who runs the water board?')).toEqual([]);
  });
});

describe('namesOfOtherDocuments', () => {
  const water = doc('Tessary Water Board: annual summary', WATER);
  const docs = [water, doc('Borlan Software: results call', SOFTWARE), doc('Harbour notes', 'Quennet runs the ferry.')];
  it('names what the document never writes while another document’s title has it', () => {
    expect(namesOfOtherDocuments('Who became chief executive of Borlan?', water, docs)).toEqual(['Borlan']);
    expect(namesOfOtherDocuments('Who became chief executive of Borlan’s board?', water, docs)).toEqual(['Borlan']);
    expect(namesOfOtherDocuments('Who became chief executive of the Tessary board?', water, docs)).toEqual([]);
  });

  it('leaves a name that only another document’s text writes', () => {
    expect(namesOfOtherDocuments('Who became chief executive of Quennet?', water, docs)).toEqual([]);
  });
});

describe('evidence from a document about something else', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'tessary-water.md': WATER, 'borlan-call.md': SOFTWARE });
  });
  afterAll(() => t?.cleanup());

  it('does not answer from the document that never names it', async () => {
    const r = await askChat(t.app, 'Who became chief executive of Borlan in 2023?');
    expect(r.abstained).toBe(true);
    expect(r.answer).not.toContain('Mirela Oduya');
  });

  it('answers from the document that names it', async () => {
    const water = await askChat(t.app, 'Who became chief executive of the Tessary Water Board in 2023?');
    expect(water.abstained).toBe(false);
    expect(water.short?.text).toBe('Mirela Oduya');
    const margin = await askChat(t.app, "What was Borlan's gross margin in the second quarter?");
    expect(margin.abstained).toBe(false);
    expect(margin.answer).toContain('77.9%');
  });

  it('leads with a sentence of the document that names it when one is close behind', async () => {
    const r = await askChat(t.app, 'What did the chief executive of Borlan say about the network?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('Ivo Marr');
  });
});
