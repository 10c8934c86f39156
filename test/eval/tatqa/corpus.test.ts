import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  corpusDocument,
  documentMarkdown,
  pipeCell,
  pipeTable,
  writeCorpus,
} from '../../../src/eval/datasets/tatqa/corpus.js';
import { parseTatqa } from '../../../src/eval/datasets/tatqa/dataset.js';
import { FICTIONAL_TATQA } from './fictional-tatqa.js';

const ds = parseTatqa(FICTIONAL_TATQA, 'f.json');
const doc = ds.documents[0]!;

/** The cells of a pipe-table line, unescaped. */
const cellsOf = (line: string) =>
  line
    .slice(2, -2)
    .split(/ (?<!\\)\| /)
    .map((c) => c.replace(/\\\|/g, '|'));

describe('corpus documents', () => {
  const md = documentMarkdown(doc);

  it('starts with front matter: the title Report <n> and language en', () => {
    expect(md.startsWith('---\ntitle: "Report 1"\nlanguage: en\n---\n\n')).toBe(true);
    expect(corpusDocument(ds.documents[1]!)).toMatchObject({ file: 'report-2.md', title: 'Report 2' });
  });

  it('puts the paragraphs in order, each its own paragraph, then the table', () => {
    const blocks = md.split('---\n\n')[1]!.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toBe(
      'Brassmoor Clockworks builds tower clocks and bracket clocks in the invented town of Kettleby. All amounts are in thousands of pounds.',
    );
    expect(blocks[1]).toMatch(/^Repairs fell/);
    expect(blocks[2]).toMatch(/^The company is led/);
    expect(blocks[3]!.startsWith('| ')).toBe(true);
  });

  it('writes the table as a pipe table: header row, delimiter row, every row with the column count', () => {
    const lines = pipeTable(doc.table).split('\n');
    expect(lines).toHaveLength(doc.table.length + 1);
    expect(lines[0]).toBe('|  | 2021 | 2020 |');
    expect(lines[1]).toBe('| --- | --- | --- |');
    for (const line of lines) {
      expect(line.startsWith('| ') && line.endsWith(' |')).toBe(true);
      expect(cellsOf(line)).toHaveLength(3);
    }
    expect(lines[4]).toBe('| Repairs and servicing | 340 | 410 |');
    expect(lines[5]).toBe('| Gears \\| springs | (36) | (24) |');
    expect(cellsOf(lines[5]!)).toEqual(['Gears | springs', '(36)', '(24)']);
  });

  it('collapses cell whitespace, escapes pipes and pads short rows', () => {
    expect(pipeCell('  a \n b\t|c ')).toBe('a b \\|c');
    expect(pipeTable([['h1', 'h2', 'h3'], ['x'], ['1', '2', '3']])).toBe(
      '| h1 | h2 | h3 |\n| --- | --- | --- |\n| x |  |  |\n| 1 | 2 | 3 |',
    );
    expect(pipeTable([])).toBe('');
    expect(
      documentMarkdown({ ...doc, table: [] })
        .trimEnd()
        .endsWith('finance director.'),
    ).toBe(true);
  });

  it('writeCorpus writes one file per document', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-tatqa-corpus-test-'));
    try {
      const written = await writeCorpus(ds.documents, path.join(dir, 'c'));
      expect(written.map((f) => path.basename(f))).toEqual(['report-1.md', 'report-2.md']);
      expect(await fs.readFile(written[1]!, 'utf8')).toBe(documentMarkdown(ds.documents[1]!));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
