import { describe, expect, it } from 'vitest';
import { footnoteAnswer } from '../../../src/answer/offline/footnote-answer.js';
import { readTables } from '../../../src/tables/read-tables.js';

/** A fictional statement of costs whose line items point to footnotes. */
const TEXT = [
  '| Costs | 2019 | 2018 |',
  '| --- | --- | --- |',
  '| Network costs(a) | 120 | 110 |',
  '| Selling costs ¹ | 40 | 38 |',
  '| Office costs(b) | 12 | 11 |',
  '| Travel | 5 | 4 |',
  '',
  '(a) Include leased lines and interconnection fees.',
  '',
  '¹ Include commissions paid to dealers',
  'and point-of-sale material.',
  '| Other | 1 | 1 |',
].join('\n');

const even = () => 1;
const ask = (q: string) => footnoteAnswer(q, readTables({ docId: 'd', text: TEXT }), even, () => TEXT);

describe('footnoteAnswer', () => {
  it('finds the paragraph opening with the marker the row label closes with, with verbatim offsets', () => {
    const a = ask('What is included in network costs?')!;
    expect(a.body.text).toBe('Include leased lines and interconnection fees.');
    expect(TEXT.slice(a.body.start, a.body.end)).toBe(a.body.text);
    expect(TEXT.slice(a.note.start, a.note.end)).toBe('(a) Include leased lines and interconnection fees.');
  });

  it('reads a superscript marker and a note over two lines, stopping at a table row', () => {
    expect(ask('What do selling costs include?')?.body.text).toBe(
      'Include commissions paid to dealers\nand point-of-sale material.',
    );
  });

  it('gives nothing when the note is missing, the row has no marker, or the question does not name the row', () => {
    expect(ask('What is included in office costs?')).toBeNull();
    expect(ask('What is included in travel?')).toBeNull();
    expect(ask('What is included in costs?')).toBeNull();
  });
});
