import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedCurrency } from '../../src/answer/question/currency.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional note, written for this test. */
const NOTE = `---
title: "Tessaly rail link (fictional)"
---
Fictional document written for testing; all names and figures are invented.

The Tessaly rail link was finished in 2023 at a cost of €4.2 billion. In 2024 its fare revenue reached €310 million, up 24% on the year before.
`;

describe('askedCurrency', () => {
  it('reads the one currency a question asks its figure in', () => {
    expect(askedCurrency('got a dollar value for it in 2019?')).toBe('USD');
    expect(askedCurrency('How many euros did it cost?')).toBe('EUR');
    expect(askedCurrency('2020年跨境电商进出口总额是多少亿元？')).toBe('CNY');
    expect(askedCurrency('2020年数字贸易规模是多少美元？')).toBe('USD');
    expect(askedCurrency('What was the yuan-to-dollar exchange rate?')).toBeUndefined();
    expect(askedCurrency('How much did it cost?')).toBeUndefined();
  });
});

describe('a figure asked in another currency than the documents give', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'tessaly-rail.md': NOTE });
  });
  afterAll(() => t?.cleanup());

  it('is answered when asked in the documents’ currency', async () => {
    const r = await askChat(t.app, 'How many euros did the Tessaly rail link cost?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain('€4.2 billion');
  });

  it('abstains, naming both currencies, for a quoted figure and for a computed one', async () => {
    const quoted = await askChat(t.app, 'How many dollars did the Tessaly rail link cost?');
    expect(quoted.abstained).toBe(true);
    expect(quoted.answer).toContain('in euros, not in US dollars');
    const computed = await askChat(t.app, 'What was the fare revenue of the Tessaly rail link in 2023 in dollars?');
    expect(computed.abstained).toBe(true);
    expect(computed.answer).toContain('in euros, not in US dollars');
  });
});

describe('"money" in a question', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'tessaly-rail.md': NOTE });
  });
  afterAll(() => t?.cleanup());

  it('asks for an amount, which the documents write with a currency sign', async () => {
    const r = await askChat(t.app, 'How much money did the Tessaly rail link bring in from fares in 2024?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('€310 million');
  });
});
