import { describe, expect, it } from 'vitest';
import { formatPipeTable } from '../../src/ingest/html-table.js';
import { loadHtml } from '../../src/ingest/load-html.js';

/** A fictional report page: the company, segments and every figure are invented for this test. */
const REPORT = `<!doctype html>
<html><head><title>Northwind Gadgets 2019 report (fictional)</title></head>
<body>
<h1>Northwind Gadgets 2019 report</h1>
<p>This report is fictional; <a href="https://example.com/notes">all figures</a> are invented.</p>
<table class="results">
  <caption>Table 3. Selected results (in thousands of <a href="https://example.com/units">fictional units</a>)</caption>
  <thead>
    <tr><th rowspan="2">Segment</th><th rowspan="2">Line item</th><th colspan="2">Year ended December 31</th></tr>
    <tr><th>2019</th><th>2018</th></tr>
  </thead>
  <tbody>
    <tr><th rowspan="2">Gadgets</th><td>Revenue</td><td>$ 1,234</td><td>$ 1,100</td></tr>
    <tr><td>Cost   of
      sales</td><td>(361)</td><td>(340)</td></tr>
    <tr><th>Widgets | Sprockets</th><td>Operating margin</td><td>12.5%</td><td>11.0%</td></tr>
    <tr><th>Services</th><td>Revenue<br>and support fees</td><td>$&nbsp;98</td></tr>
    <tr><th>Other</th><td></td><td>-</td><td><img src="dash.png" alt="n/a">7</td></tr>
  </tbody>
</table>
<p>The figures after the table are discussed below.</p>
</body></html>`;

const EXPECTED_TABLE = [
  'Table 3. Selected results (in thousands of fictional units)',
  '| Segment | Line item | Year ended December 31 | Year ended December 31 |',
  '| --- | --- | --- | --- |',
  '| Segment | Line item | 2019 | 2018 |',
  '| Gadgets | Revenue | $ 1,234 | $ 1,100 |',
  '| Gadgets | Cost of sales | (361) | (340) |',
  '| Widgets \\| Sprockets | Operating margin | 12.5% | 11.0% |',
  '| Services | Revenue and support fees | $ 98 |  |',
  '| Other |  | - | 7 |',
].join('\n');

/** Cells of a pipe line, honouring `\|` escapes. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/u)
    .map((cell) => cell.trim());
}

describe('HTML tables as pipe tables', () => {
  const doc = loadHtml(REPORT);

  it('writes the table in the pipe convention, a blank line before and after', () => {
    expect(doc.text).toBe(
      [
        'Northwind Gadgets 2019 report',
        '',
        'This report is fictional; all figures are invented.',
        '',
        EXPECTED_TABLE,
        '',
        'The figures after the table are discussed below.',
      ].join('\n'),
    );
    expect(doc.title).toBe('Northwind Gadgets 2019 report (fictional)');
  });

  it('gives every row the same number of cells', () => {
    const rows = doc.text.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(8);
    for (const row of rows) expect(cells(row)).toHaveLength(4);
    expect(cells(rows[5]!)).toEqual(['Widgets \\| Sprockets', 'Operating margin', '12.5%', '11.0%']);
  });

  it('orders thead, tbody and tfoot rows and uses the first row as header without a thead', () => {
    const html = `<p>Before.</p><table>
      <tfoot><tr><td>Total</td><td>30</td></tr></tfoot>
      <tr><th>Region</th><th>Units</th></tr>
      <tr><td>North</td><td>10</td></tr>
      <tbody><tr><td>South</td><td>20</td></tr></tbody>
    </table><p>After.</p>`;
    expect(loadHtml(html).text).toBe(
      [
        'Before.',
        '',
        '| Region | Units |',
        '| --- | --- |',
        '| North | 10 |',
        '| South | 20 |',
        '| Total | 30 |',
        '',
        'After.',
      ].join('\n'),
    );
  });

  it('keeps a rowspan inside its row group and flattens a nested table into its cell', () => {
    const html = `<table>
      <thead><tr><th rowspan="3">Unit</th><th>Value</th></tr></thead>
      <tbody>
        <tr><td>A</td><td><table><caption>inner</caption><tr><td>x | y</td><td>1</td></tr><tr><td>z</td></tr></table></td></tr>
        <tr><td>B</td><td>2</td></tr>
      </tbody>
    </table>`;
    expect(loadHtml(html).text).toBe(
      ['| Unit | Value |', '| --- | --- |', '| A | inner x \\| y 1 z |', '| B | 2 |'].join('\n'),
    );
  });
});

describe('formatPipeTable', () => {
  it('pads short rows, escapes pipes and writes empty cells as two spaces', () => {
    expect(formatPipeTable([['', '2019'], ['a|b', ' 1 ', 'extra'], []], 'Caption\n text')).toBe(
      ['Caption text', '|  | 2019 |  |', '| --- | --- | --- |', '| a\\|b | 1 | extra |', '|  |  |  |'].join('\n'),
    );
    expect(formatPipeTable([], 'Only a caption')).toBe('Only a caption');
  });
});
