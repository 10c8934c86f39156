import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional report excerpt: a paragraph without figures, a results table, an exchange-rate table and a roll-forward. */
const CORPUS = fileURLToPath(new URL('../fixtures/table-wording/', import.meta.url));

describe('questions about a report with tables, in the words readers use', () => {
  let t: TestApp;
  let text = '';

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
    text = t.kb.current()!.docs[0]!.text;
  });
  afterAll(() => t?.cleanup());

  const ask = (question: string) => askChat(t.app, question);

  it('answers a question about a year that asks for no figure from the text, though no table row answers it', async () => {
    const r = await ask('What was the key focus of the audit committee in 2019?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]!.quote).toContain('orderly rotation of the external audit partner');
  });

  it('reads "the amount of X … respectively" as a lookup of the row X, framing words aside', async () => {
    const r = await ask('What is the amount of revenue in 2019 and 2018 respectively?');
    expect(r.spans?.map((x) => x.text)).toEqual(['$41,208', '$39,675']);
    for (const x of r.spans!) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('adds the figures a sentence gives for the two years a question asks "the total" of, unless it calls them a total', async () => {
    const r = await ask('What is the total amount spent on internal-use software for 2019 and 2018?');
    expect(r.answer).toMatch(/^\$1,180 thousand in 2018 and \$1,420 thousand in 2019 add up to US\$2,600 thousand/u);
    expect(r.checks.find((c) => c.status === 'computed')?.op).toBe('sum');
    const each = await ask('What was the total research spending in 2019 and 2018?');
    expect(each.answer).not.toMatch(/add up to/u);
    expect(each.spans?.map((x) => x.text)).toEqual(['$2.6 million', '$2.4 million']);
  });

  it('adds a row over the two years a question asks "the total" of, and reads each year for "respectively" or a percentage', async () => {
    const total = await ask('What is the total revenue in 2018 and 2019?');
    expect(total.answer).toMatch(
      /^Revenues over [^\n]*sums to US\$80,883 thousand \(\$39,675 thousand \+ \$41,208 thousand\)/u,
    );
    const each = await ask('What is the total revenue in 2018 and 2019, respectively?');
    expect(each.spans?.map((x) => x.text)).toEqual(['$39,675', '$41,208']);
    const margin = await ask('What is the total operating margin in 2018 and 2019?');
    expect(margin.answer).not.toMatch(/sums to/u);
    expect(margin.spans?.map((x) => x.text)).toEqual(['12.3%', '12.9%']);
  });

  it('takes the table’s subject from the last sentence of a long paragraph introducing it', async () => {
    const r = await ask('What is the weighted-average exchange rate for Polish Zloty for 2018 and 2019, respectively?');
    expect(r.spans?.map((x) => x.text)).toEqual(['3.61', '3.84']);
    expect(r.citations.find((c) => c.n === r.spans![0]!.citation)!.quote).toBe('| Polish Zloty | 3.84 | 3.61 |');
  });

  it('ranks figures that are all below zero by their size: the greater movement is the one furthest from zero', async () => {
    const r = await ask('In which year is there a greater foreign exchange movement?');
    expect(r.short?.text).toBe('2019');
    expect(r.answer).toMatch(/largest in size in 2019/u);
  });

  it('reads a table announced a paragraph above ("… included the following:") as about what the announcement names', async () => {
    const r = await ask('In which years was the Sensors segment’s operating income calculated for?');
    expect(r.spans?.map((x) => x.text)).toEqual(['2019', '2018', '2017']);
  });

  it('takes a roll-forward movement of the year asked as a share of the balance the question dates, by its size', async () => {
    const vested = await ask(
      'What is the number of units vested in 2019 as a percentage of the total non-vested units at December 31, 2019?',
    );
    expect(vested.answer).toMatch(/^Vested \(\(164,080\)\) is 19\.12% of Non-vested at December 31, 2019 \(858,000\)/u);
    const granted = await ask(
      'What is the number of units granted in 2019 as a percentage of the total non-vested units at December 31, 2019?',
    );
    expect(granted.answer).toMatch(/^Granted \(210,000\) is 24\.48% of Non-vested at December 31, 2019/u);
    const between = await ask(
      'What is the proportion of units granted between 2018 and 2019 over the non-vested units at December 31, 2018?',
    );
    expect(between.answer).toMatch(/^The ratio of Granted \(210,000\) to Non-vested at December 31, 2018 \(820,400\)/u);
    expect(between.answer).toMatch(/is 0\.26×/u);
  });

  it('reads a row named after a currency as a category when the column headers state the currency of the figures', async () => {
    const r = await ask('What was the percentage of total financial assets in Euro over the Group total?');
    expect(r.answer).toMatch(/^Euro \(25\.0 million\) is 25\.00?% of Group total \(100\.0 million\)/u);
  });

  it('answers who holds a role from a table of people and positions, the row cited with its headers', async () => {
    const r = await ask('Who is the company’s Chief Financial Officer?');
    expect(r.short?.text).toBe('Tomas Brenner');
    expect(text.slice(r.short!.start, r.short!.end)).toBe('Tomas Brenner');
    const cited = r.citations.find((c) => c.n === r.short!.citation)!;
    expect(cited.quote).toBe('| Tomas Brenner | 47 | Chief Financial Officer |');
    expect(cited.table?.headers).toEqual(['Name', 'Age', 'Position']);
  });
});
