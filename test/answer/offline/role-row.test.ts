import { describe, expect, it } from 'vitest';
import { roleRow } from '../../../src/answer/offline/role-row.js';
import { readTables } from '../../../src/tables/read-tables.js';

const text = [
  '| Name | Age | Position |',
  '| --- | --- | --- |',
  '| Ilse Varga | 54 | President and Chief Executive Officer |',
  '| Tomas Brenner | 47 | Senior Vice President, Chief Financial Officer and Treasurer |',
  '| Mara Lind | 45 | Vice President and Controller |',
  '| Oskar Fell | 52 | Vice President |',
].join('\n');
const tables = readTables({ docId: 'officers', title: 'Officers (fictional)', text });

describe('roleRow', () => {
  it('answers "who is the X" with the label of the row whose text cell names X', () => {
    expect(roleRow('Who is the company’s Chief Financial Officer?', tables)?.label.text).toBe('Tomas Brenner');
    const ceo = roleRow('Who is the chief executive officer?', tables);
    expect(ceo?.label.text).toBe('Ilse Varga');
    expect(text.slice(ceo!.label.start, ceo!.label.end)).toBe('Ilse Varga');
    expect(ceo?.role.text).toBe('President and Chief Executive Officer');
  });

  it('prefers the cell with the fewest other words, and gives nothing for a tie or a role no cell names', () => {
    expect(roleRow('Who is the vice president?', tables)?.label.text).toBe('Oskar Fell');
    expect(roleRow('Who is the company secretary?', tables)).toBeNull();
    const twins = readTables({
      docId: 'twins',
      text: '| Name | Position |\n| --- | --- |\n| A. Holm | Director |\n| B. Sand | Director |',
    });
    expect(roleRow('Who is the director?', twins)).toBeNull();
  });
});
