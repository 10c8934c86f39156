import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTatqa, parseTatqa, readGoldNumber } from '../../../src/eval/datasets/tatqa/dataset.js';
import { FICTIONAL_TATQA } from './fictional-tatqa.js';

const copy = (): Array<Record<string, any>> => JSON.parse(JSON.stringify(FICTIONAL_TATQA));

describe('parseTatqa', () => {
  const ds = parseTatqa(FICTIONAL_TATQA, 'f.json');

  it('numbers the documents, sorts paragraphs by order and flattens the questions in file order', () => {
    expect(ds.documents.map((d) => [d.index, d.title, d.tableUid])).toEqual([
      [1, 'Report 1', 'tbl-brassmoor'],
      [2, 'Report 2', 'tbl-vorrin'],
    ]);
    expect(ds.documents[0]?.paragraphs[0]).toMatch(/^Brassmoor Clockworks builds/);
    expect(ds.documents[0]?.paragraphs[2]).toMatch(/^The company is led/);
    expect(ds.questions).toHaveLength(12);
    expect(ds.questions.map((q) => q.uid).slice(0, 3)).toEqual(['bm-span', 'bm-multi', 'bm-diff']);
    expect(ds.questions[6]).toMatchObject({
      uid: 'lv-div',
      doc: 2,
      docTitle: 'Report 2',
      answerType: 'arithmetic',
      answerFrom: 'table',
      scale: 'percent',
    });
  });

  it('gives spans for span answers and a number (with its text) for arithmetic and count answers', () => {
    const byId = new Map(ds.questions.map((q) => [q.uid, q]));
    expect(byId.get('bm-multi')).toMatchObject({ spans: ['Ilsa Brandt', 'Oswin Tarrel'], number: null });
    expect(byId.get('bm-ratio')).toMatchObject({ spans: [], number: { value: -17.07, text: '-17.07' } });
    expect(byId.get('bm-count')?.number).toEqual({ value: 2, text: '2' });
  });

  it('reads gold numbers written as numbers or numeric strings', () => {
    expect(readGoldNumber(' 1,234.50 ')).toEqual({ value: 1234.5, text: '1234.50' });
    expect(readGoldNumber('+3')).toEqual({ value: 3, text: '3' });
    expect(readGoldNumber('about 3')).toBeNull();
    expect(readGoldNumber(Number.NaN)).toBeNull();
  });
});

describe('parseTatqa errors name the first bad path', () => {
  it.each<[string, (d: Array<Record<string, any>>) => unknown, RegExp]>([
    ['not an array', () => ({ data: [] }), /f\.json: not a TAT-QA file \(\(root\): /],
    [
      'a bad answer_type',
      (d) => ((d[0]!.questions[1].answer_type = 'list'), d),
      /not a TAT-QA file \(\[0\]\.questions\[1\]\.answer_type \(document 1, question "bm-multi"\): /,
    ],
    [
      'a bad scale',
      (d) => ((d[1]!.questions[0].scale = 'percentage'), d),
      /\[1\]\.questions\[0\]\.scale \(document 2, question "lv-div"\)/,
    ],
    [
      'a table row that is not strings',
      (d) => ((d[1]!.table.table[2] = ['Ferry', 3100]), d),
      /\[1\]\.table\.table\[2\]\[1\] \(document 2\): /,
    ],
    [
      'a missing paragraph order',
      (d) => (delete d[0]!.paragraphs[1].order, d),
      /\[0\]\.paragraphs\[1\]\.order \(document 1\)/,
    ],
    [
      'a span answer that is a number',
      (d) => ((d[0]!.questions[0].answer = 3), d),
      /\[0\]\.questions\[0\] \(document 1, question "bm-span"\)\.answer: a span answer must be a non-empty list of strings/,
    ],
    [
      'an arithmetic answer that is a list',
      (d) => ((d[0]!.questions[2].answer = ['250']), d),
      /questions\[2\] \(document 1, question "bm-diff"\)\.answer: an arithmetic answer must be a number, got \["250"\]/,
    ],
    [
      'a count answer that is not a number',
      (d) => ((d[0]!.questions[5].answer = 'two'), d),
      /a count answer must be a number, got "two"/,
    ],
    [
      'a duplicate uid',
      (d) => ((d[1]!.questions[0].uid = 'bm-span'), d),
      /\[1\]\.questions\[0\] \(document 2, question "bm-span"\): duplicate question uid/,
    ],
    ['no questions', (d) => d.map((x) => ({ ...x, questions: [] })), /f\.json: has no questions/],
  ])('%s', (_, mutate, message) => {
    expect(() => parseTatqa(mutate(copy()), 'f.json')).toThrow(message);
  });

  it('loadTatqa reports unreadable and non-JSON files as bad requests', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-tatqa-ds-'));
    try {
      const file = path.join(dir, 'broken.json');
      await fs.writeFile(file, '[{');
      await expect(loadTatqa(file)).rejects.toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/broken\.json: not JSON/),
      });
      await expect(loadTatqa(path.join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read the dataset/);
      await fs.writeFile(file, JSON.stringify(FICTIONAL_TATQA));
      expect((await loadTatqa(file)).questions).toHaveLength(12);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
