import { describe, expect, it } from 'vitest';
import { readCellValue } from '../../src/tables/cell-value.js';
import { findTables } from '../../src/tables/find-tables.js';
import { periodsIn, readPeriod } from '../../src/tables/periods.js';
import { readTables } from '../../src/tables/read-tables.js';
import { leadScale, readUnitHint } from '../../src/tables/unit-hints.js';

/** A fictional report excerpt: all names and figures are invented. */
const TEXT = [
  'Results for the year. Amounts are in thousands unless stated otherwise.',
  '',
  'Table 4: Segment results',
  '| | Year ended June 30 | Year ended June 30 |',
  '| --- | ---: | ---: |',
  '| | FY19 | FY18 |',
  '| Revenue: | | |',
  '| Pumps \\| valves | $ 1,234 | (361) |',
  '| Services | 12.5% | — |',
  '| Total revenue | 2,000.5 | 1,500 |',
  '',
  'After the table.',
].join('\n');

describe('findTables', () => {
  it('finds a pipe table with verbatim row and cell offsets and the caption line above it', () => {
    const [t, ...rest] = findTables(TEXT);
    expect(rest).toHaveLength(0);
    expect(t!.caption).toBe('Table 4: Segment results');
    expect(t!.rows).toHaveLength(6);
    for (const row of t!.rows) {
      expect(TEXT.slice(row.start, row.end)).toMatch(/^\|.*\|$/u);
      expect(row.cells).toHaveLength(3);
    }
    const pumps = t!.rows[3]!;
    expect(pumps.cells.map((c) => c.text)).toEqual(['Pumps | valves', '$ 1,234', '(361)']);
    expect(pumps.cells.map((c) => TEXT.slice(c.start, c.end))).toEqual(['Pumps \\| valves', '$ 1,234', '(361)']);
    const empty = t!.rows[0]!.cells[0]!;
    expect(empty.start).toBe(empty.end);
    expect(t!.lead).toContain('in thousands');
  });

  it('takes as caption a paragraph introducing the table with a colon, past a blank line and a unit line', () => {
    const text = [
      'The following table presents lease revenues by region:',
      '',
      'Expressed in thousands of dollars',
      '',
      '| | 2019 |',
      '| --- | --- |',
      '| North | 5 |',
    ].join('\n');
    const [t] = findTables(text);
    expect(t!.caption).toBe('The following table presents lease revenues by region:');
    expect(text.slice(t!.captionSpan!.start, t!.captionSpan!.end)).toBe(t!.caption);
    expect(
      findTables('Revenue grew in every region.\n\n| | 2019 |\n| --- | --- |\n| North | 5 |')[0]!.caption,
    ).toBeNull();
    expect(findTables('Segment revenue (EUR thousand)\n| | 2019 |\n| --- | --- |\n| North | 5 |')[0]!.caption).toBe(
      'Segment revenue (EUR thousand)',
    );
  });

  it('takes the last sentence of a long paragraph introducing the table as its caption', () => {
    const lead = `Balances in foreign currencies are converted at the rate on the reporting date${', and flows at the average rate'.repeat(5)}.`;
    const text = `${lead} The average exchange rates were as follows:\n\n| | 2019 |\n| --- | --- |\n| Koruna | 22.9 |`;
    const [t] = findTables(text);
    expect(t!.caption).toBe('The average exchange rates were as follows:');
    expect(text.slice(t!.captionSpan!.start, t!.captionSpan!.end)).toBe(t!.caption);
    expect(findTables(`${lead}\n\n| | 2019 |\n| --- | --- |\n| Koruna | 22.9 |`)[0]!.caption).toBeNull();
  });

  it('takes a paragraph pointing forward to the table as its caption past another paragraph, not one opening a list', () => {
    const table = '| | 2019 |\n| --- | --- |\n| Other items | 12 |';
    const text = `Segment income rose. It included the following:\n\nExcluding these, income rose.\n\n${table}`;
    const [t] = findTables(text);
    expect(t!.caption).toBe('It included the following:');
    expect(text.slice(t!.captionSpan!.start, t!.captionSpan!.end)).toBe(t!.caption);
    const list = `Income rose to $9.9 million, primarily as a result of:\n\nhigher volume.\n\n${table}`;
    expect(findTables(list)[0]!.caption).toBeNull();
  });

  it('finds nothing in prose, and nothing without a delimiter row', () => {
    expect(findTables('Revenue | costs | profit were all up.\nNo table here.')).toEqual([]);
  });
});

describe('readTables', () => {
  const [table] = readTables({ docId: 'd', text: TEXT });

  it('joins header rows per column and reads their periods', () => {
    expect(table!.headerRows).toHaveLength(2);
    expect(table!.columns.map((c) => c.header)).toEqual(['', 'Year ended June 30 FY19', 'Year ended June 30 FY18']);
    expect(table!.columns.map((c) => c.period?.year ?? null)).toEqual([null, 2019, 2018]);
  });

  it('carries section rows down to the rows under them and reads cell values', () => {
    expect(table!.rows.map((r) => [r.section, r.label])).toEqual([
      ['Revenue', 'Pumps | valves'],
      ['Revenue', 'Services'],
      ['Revenue', 'Total revenue'],
    ]);
    expect(table!.rows[0]!.values.map((v) => v?.value ?? null)).toEqual([null, 1234, -361]);
    expect(table!.rows[1]!.values[1]).toMatchObject({ value: 12.5, percent: true, decimals: 1 });
    expect(table!.rows[1]!.values[2]).toBeNull();
  });

  it('takes the scale from the paragraph above when the table states none', () => {
    expect(table!.unit.scale).toBe('thousand');
  });

  it('takes the scale from the paragraph announcing the table, however many paragraphs stand between', () => {
    const notes = Array.from({ length: 8 }, (_, i) => `Note ${i + 1} on the year's cash flows.`);
    const text = [
      'The following table summarizes the fictional cash flows of the harbour board (in thousands):',
      ...notes,
      [
        '| | 2019 | 2018 |',
        '| --- | --- | --- |',
        '| Operating activities | 618 | 3,908 |',
        '| Financing | 1,389 | 1,779 |',
      ].join('\n'),
    ].join('\n\n');
    expect(readTables({ docId: 'x', text })[0]!.unit.scale).toBe('thousand');
    const unannounced = text.replace('The following table summarizes', 'We summarize');
    expect(readTables({ docId: 'x', text: unannounced })[0]!.unit.scale).toBeUndefined();
  });

  it('reads scale and currency from a header cell', () => {
    const text = '| Group | 2019 £m | 2018 £m |\n| --- | --- | --- |\n| Revenue | 10.1 | 9.8 |\n';
    const [t] = readTables({ docId: 'x', text });
    expect(t!.unit).toMatchObject({ scale: 'million', currency: 'GBP' });
    expect(t!.columns.map((c) => c.period?.year ?? null)).toEqual([null, 2019, 2018]);
  });

  it('spreads a period header written once over the columns it spans', () => {
    const text = [
      '| | | Fiscal 2024 | | |',
      '| --- | --- | --- | --- | --- |',
      '| | First Quarter | Second Quarter | Total | |',
      '| | 2023 | | 2022 | |',
      '| | Amount | % | Amount | % |',
      '| Sales | 10 | 50% | 8 | 40% |',
    ].join('\n');
    const columns = readTables({ docId: 'q', text })[0]!.columns;
    expect(columns.map((c) => c.header)).toEqual([
      '',
      'Fiscal 2024 First Quarter 2023 Amount',
      'Fiscal 2024 Second Quarter 2023 %',
      'Fiscal 2024 Total 2022 Amount',
      'Fiscal 2024 2022 %',
    ]);
  });

  it('spreads a group header over the years under it, not over sub-columns of another kind', () => {
    const text = [
      '| | Fees (in thousands) | | Fee per berth (crowns) | |',
      '| --- | --- | --- | --- | --- |',
      '| | 2022 | 2023 | 2022 | 2023 |',
      '| North quay | 1,200 | 1,350 | 4.10 | 4.35 |',
      '',
      '| | | | Change | |',
      '| --- | --- | --- | --- | --- |',
      '| | 2023 | Actual | Constant | 2022 |',
      '| Fees | 1,350 | 12% | 11% | 1,200 |',
    ].join('\n');
    const [groups, change] = readTables({ docId: 'g', text });
    expect(groups!.columns.map((c) => c.header)).toEqual([
      '',
      'Fees (in thousands) 2022',
      'Fees (in thousands) 2023',
      'Fee per berth (crowns) 2022',
      'Fee per berth (crowns) 2023',
    ]);
    expect(change!.columns.map((c) => c.header)).toEqual(['', '2023', 'Actual', 'Change Constant', '2022']);
  });

  it('reads a section written in its own label column (as HTML row-spanning labels come out)', () => {
    const text = [
      '| | | 2024 | 2023 |',
      '| --- | --- | --- | --- |',
      '| Revenue | Copper | 120 | 110 |',
      '| Revenue | Total revenue | 150 | 140 |',
      '| Costs | Energy | (40) | (35) |',
    ].join('\n');
    const rows = readTables({ docId: 'l', text })[0]!.rows;
    expect(rows.map((r) => [r.section, r.label, r.values.map((v) => v?.value ?? null)])).toEqual([
      ['Revenue', 'Copper', [null, null, 120, 110]],
      ['Revenue', 'Total revenue', [null, null, 150, 140]],
      ['Costs', 'Energy', [null, null, -40, -35]],
    ]);
  });

  it('labels rows by a first column of distinct names when text columns follow it', () => {
    const text = [
      '| Model | Colour | Batch codes | Units sold |',
      '| --- | --- | --- | --- |',
      '| Brisa B-10 | White | 2335 to 2402 | 6,210 |',
      '| Brisa B-20 | White or grey | 2335 to 2402 | 8,940 |',
    ].join('\n');
    const rows = readTables({ docId: 'm', text })[0]!.rows;
    expect(rows.map((r) => [r.section, r.label, r.values[3]?.value])).toEqual([
      [null, 'Brisa B-10', 6210],
      [null, 'Brisa B-20', 8940],
    ]);
  });

  it('reads a row with no label as the total of its section, and closes the section with it', () => {
    const text = [
      '| | 2019 | 2018 |',
      '| --- | --- | --- |',
      '| Earnings per share (cents) | | |',
      '| Continuing | 4.1 | 3.9 |',
      '| | 4.1 | 3.9 |',
      '| Headcount | 12 | 11 |',
      '| | 16.1 | 14.9 |',
    ].join('\n');
    const rows = readTables({ docId: 'e', text })[0]!.rows;
    expect(rows.map((r) => [r.section, r.series])).toEqual([
      ['Earnings per share (cents)', 'Earnings per share (cents): Continuing'],
      ['Earnings per share (cents)', 'Total Earnings per share (cents)'],
      [null, 'Headcount'],
      [null, 'Total'],
    ]);
  });

  it('reads a table stacking one block per year under headers of its own as one table per block', () => {
    const text = [
      '| | | Fiscal 2019 | |',
      '| --- | --- | --- | --- |',
      '| | First Quarter | Second Quarter | Total |',
      '| Revenue | 10 | 12 | 22 |',
      '| | | Fiscal 2018 | |',
      '| | First Quarter | Second Quarter | Total |',
      '| Revenue | 8 | 9 | 17 |',
    ].join('\n');
    const tables = readTables({ docId: 'q', text });
    expect(tables).toHaveLength(2);
    expect(
      tables.map((t) => t.columns.map((c) => (c.period ? [c.period.year, c.period.quarter ?? null] : null))),
    ).toEqual([
      [null, [2019, 1], [2019, 2], [2019, null]],
      [null, [2018, 1], [2018, 2], [2018, null]],
    ]);
    expect(tables.map((t) => t.rows.map((r) => r.values[1]?.value))).toEqual([[10], [8]]);
    for (const t of tables) expect(text.slice(t.start, t.end)).toMatch(/^\| \| \| Fiscal 201\d \| \|[\s\S]*\|$/u);
  });

  it('does not read a comparison column as a period', () => {
    const text = '| | 2019 | 2018 | Change 2019 vs 2018 |\n| --- | --- | --- | --- |\n| Sales | 5 | 4 | 25% |\n';
    expect(readTables({ docId: 'y', text })[0]!.columns.map((c) => c.period?.year ?? null)).toEqual([
      null,
      2019,
      2018,
      null,
    ]);
  });
});

describe('cell values, periods and unit hints', () => {
  it.each([
    ['$ 1,234', 1234, false],
    ['(361)', -361, false],
    ['$(1,234.5)', -1234.5, false],
    ['−5.2', -5.2, false],
    ['12.5%', 12.5, true],
    ['(3.1)%', -3.1, true],
    ['$130,000 (1)', 130000, false],
    ['12% (a)', 12, true],
  ])('reads %s', (text, value, percent) => {
    expect(readCellValue(text)).toMatchObject({ value, percent });
  });

  it.each(['', '—', '-', 'n/a', 'Note 3', '(restated)'])('reads %j as no value', (text) => {
    expect(readCellValue(text)).toBeNull();
  });

  it.each([
    ['2019', 2019, undefined],
    ['FY19', 2019, undefined],
    ['F19 53 WEEKS', 2019, undefined],
    ['Fiscal 2018', 2018, undefined],
    ['Q3 2021', 2021, 3],
    ['Third quarter 2020', 2020, 3],
    ['Year ended December 31, 2019', 2019, undefined],
    ['2019/20', 2020, undefined],
  ])('reads the period of %s', (header, year, quarter) => {
    const p = readPeriod(header);
    expect(p?.year).toBe(year);
    expect(p?.quarter).toBe(quarter);
  });

  it('reads no period from labels without a year', () => {
    expect(readPeriod('Net sales')).toBeNull();
    expect(readPeriod('Note')).toBeNull();
  });

  it('reads the periods a question names', () => {
    expect(periodsIn('What was the change from FY18 to 2019?').map((p) => p.year)).toEqual([2018, 2019]);
    // A split fiscal year is the year it ends in, as a "2024–25" column header reads.
    expect(periodsIn('What goes to policing in the 2025–26 budget?').map((p) => p.year)).toEqual([2026]);
    expect(periodsIn('How did 2024/25 compare with 2025/26?').map((p) => p.year)).toEqual([2025, 2026]);
    expect(periodsIn('What changed from 2019-2020?').map((p) => p.year)).toEqual([2019, 2020]);
    expect(periodsIn('What is the change between the second and first quarter of fiscal 2019?')).toMatchObject([
      { year: 2019, quarter: 1 },
      { year: 2019, quarter: 2 },
    ]);
    expect(periodsIn('What was revenue in Q3 2021?')).toMatchObject([{ year: 2021, quarter: 3 }]);
    expect(periodsIn('How did revenue change from the third quarter of 2018 to that of 2019?')).toMatchObject([
      { year: 2018, quarter: 3 },
      { year: 2019, quarter: 3 },
    ]);
  });

  it.each([
    ['(in thousands)', { scale: 'thousand' }],
    ["$'000", { scale: 'thousand', currency: 'USD' }],
    ['RMB million', { scale: 'million', currency: 'CNY' }],
    ['(In millions of U.S. dollars)', { scale: 'million', currency: 'USD' }],
    ['Margin (%)', { percent: true }],
    ['Number of shares (1,000)', { scale: 'thousand' }],
  ])('reads the units of %s', (text, hint) => {
    expect(readUnitHint(text)).toMatchObject(hint);
  });

  it('reads a scale statement in running text but not a figure in millions', () => {
    expect(leadScale('All amounts in millions, except per share data.')).toBe('million');
    expect(leadScale('Sales grew by 4 million units.')).toBeUndefined();
  });
});
