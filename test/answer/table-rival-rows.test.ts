import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional quarterly statement whose table stops at operating profit, written for this test. */
const STATEMENT = `---
title: "Orrindale Tiles: quarterly results"
---
Fictional document written for testing; all names and figures are invented.

Orrindale Tiles makes floor tiles. Revenue for the year rose as two new kilns came into use.

Quarterly results (€m unless stated)
| | Q4 2024 | Q1 2025 | Q2 2025 | Q3 2025 | Q4 2025 |
| --- | --- | --- | --- | --- | --- |
| Revenue | 80.3 | 78.5 | 81.0 | 84.2 | 91.1 |
| Gross profit | 28.2 | 27.9 | 29.3 | 30.1 | 33.4 |
| Gross margin (%) | 35.1 | 35.5 | 36.2 | 35.7 | 36.7 |
| Operating profit | 10.9 | 10.2 | 11.1 | 12.0 | 13.8 |
`;

describe('table rows and the measure the question asks for', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'orrindale-quarters.md': STATEMENT });
  });
  afterAll(() => t?.cleanup());

  it('is not given for the asked one: net profit is neither gross nor operating profit', async () => {
    const r = await askChat(t.app, 'What was Orrindale’s net profit in Q4 2025?');
    expect(r.abstained).toBe(true);
    expect(r.answer).not.toMatch(/33\.4|13\.8/);
  });

  it('still answers the row the question names, with or without its qualifier', async () => {
    const operating = await askChat(t.app, 'What was Orrindale’s operating profit in Q4 2025?');
    expect(operating.abstained).toBe(false);
    expect(operating.short?.text).toMatch(/13\.8/);
    const revenue = await askChat(t.app, 'What was the total revenue of Orrindale in Q3 2025?');
    expect(revenue.short?.text).toMatch(/84\.2/);
  });

  it('says a figure from a row of percentages as a percentage, and checks it', async () => {
    const r = await askChat(t.app, 'What was the gross margin in Q2 2025?');
    expect(r.short?.text).toBe('36.2');
    expect(r.answer).toMatch(/36\.2%/);
    expect(r.checks.filter((c) => c.status === 'unverified')).toEqual([]);
  });
});

/** A fictional mine report: a revenue row and a production row that share their words, in two tables. */
const MINE = `---
title: "Skarnvik Mining: annual report (fictional)"
---
Fictional document written for testing; all names and figures are invented.

Revenue (€m)
| | 2024 | 2023 |
| --- | --- | --- |
| Zinc concentrate | 412.6 | 398.1 |
| Lead concentrate | 77.0 | 81.4 |

Production
| | 2024 | 2023 |
| --- | --- | --- |
| Zinc in concentrate (kt) | 96.3 | 91.8 |
| Lead in concentrate (kt) | 18.2 | 19.5 |
`;

describe('two rows that match a question alike', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'skarnvik.md': MINE });
  });
  afterAll(() => t?.cleanup());

  it('take the one whose label the question writes word for word', async () => {
    const r = await askChat(t.app, 'How much zinc in concentrate did Skarnvik produce in 2023?');
    expect(r.short?.text).toBe('91.8');
    const revenue = await askChat(t.app, 'How much revenue did Skarnvik make from zinc concentrate in 2023?');
    expect(revenue.short?.text).toBe('398.1');
  });
});
