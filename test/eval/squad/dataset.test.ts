import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { articleMarkdown, corpusDocuments, writeCorpus } from '../../../src/eval/datasets/squad/corpus.js';
import { loadSquad, parseSquad } from '../../../src/eval/datasets/squad/dataset.js';
import { loadMarkdown } from '../../../src/ingest/load-markdown.js';
import { FICTIONAL_SQUAD } from './fictional-squad.js';

const clone = () =>
  JSON.parse(JSON.stringify(FICTIONAL_SQUAD)) as typeof FICTIONAL_SQUAD & { data: Array<Record<string, unknown>> };

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isAppError(err) && err.code === 'bad_request', String(err)).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseSquad', () => {
  it('flattens articles and questions in file order', () => {
    const ds = parseSquad(FICTIONAL_SQUAD, 'f.json');
    expect(ds.version).toBe('v2.0');
    expect(ds.articles.map((a) => [a.title, a.paragraphs.length])).toEqual([
      ['Lake_Vorrin', 2],
      ['Brassmoor_Clockworks', 2],
    ]);
    expect(ds.questions.map((q) => q.id)).toEqual([
      'lv-1',
      'lv-2',
      'lv-3',
      'lv-4',
      'lv-5',
      'bc-1',
      'bc-2',
      'bc-3',
      'bc-4',
      'bc-5',
    ]);
    expect(ds.questions.filter((q) => q.impossible).map((q) => q.id)).toEqual(['lv-3', 'lv-5', 'bc-3', 'bc-5']);
    expect(ds.questions[0]).toEqual({
      id: 'lv-1',
      article: 'Lake_Vorrin',
      question: 'Who first charted Lake Vorrin?',
      answers: ['Ilsa Brandt', 'the surveyor Ilsa Brandt'],
      answerStarts: [expect.any(Number), expect.any(Number)],
      paragraph: 0,
      impossible: false,
    });
    const first = ds.questions[0]!;
    const context = ds.articles[0]!.paragraphs[first.paragraph]!;
    first.answers.forEach((a, i) =>
      expect(context.slice(first.answerStarts[i], first.answerStarts[i]! + a.length)).toBe(a),
    );
    // plausible_answers of unanswerable questions are not gold answers.
    expect(ds.questions[2]?.answers).toEqual([]);
  });

  it('names the field and the article of a malformed entry', () => {
    const bad = clone();
    delete (bad.data[1] as { paragraphs: Array<Record<string, unknown>> }).paragraphs[1]!.context;
    expect(messageOf(() => parseSquad(bad, 'f.json'))).toMatch(
      /^f\.json: not a SQuAD v2\.0 file \(data\[1\]\.paragraphs\[1\]\.context \(article "Brassmoor_Clockworks"\): /,
    );
  });

  it('rejects files without data, duplicate ids and answerable questions without answers', () => {
    expect(messageOf(() => parseSquad({ version: 'v2.0' }, 'f.json'))).toMatch(/not a SQuAD v2\.0 file \(data: /);
    expect(messageOf(() => parseSquad([1, 2], 'f.json'))).toMatch(/not a SQuAD v2\.0 file/);
    const dup = clone();
    dup.data[1]!.paragraphs[0]!.qas[0]!.id = 'lv-1';
    expect(messageOf(() => parseSquad(dup, 'f.json'))).toMatch(
      /data\[1\]\.paragraphs\[0\]\.qas\[0\] \(id "lv-1"\): duplicate question id/,
    );
    const noAnswers = clone();
    noAnswers.data[0]!.paragraphs[0]!.qas[1]!.answers = [];
    expect(messageOf(() => parseSquad(noAnswers, 'f.json'))).toMatch(
      /qas\[1\] \(id "lv-2"\): answerable question \(is_impossible false\) has no answers/,
    );
  });

  it('treats v1-style questions without is_impossible as answerable when they have answers', () => {
    const v1 = clone();
    for (const a of v1.data)
      for (const p of a.paragraphs) for (const q of p.qas) delete (q as { is_impossible?: boolean }).is_impossible;
    expect(parseSquad(v1, 'f.json').questions.filter((q) => q.impossible)).toHaveLength(4);
  });

  it('loadSquad reports unreadable and non-JSON files as bad usage', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-squad-ds-'));
    try {
      await fs.writeFile(path.join(dir, 'broken.json'), '{"version": "v2.0", "data": [');
      await expect(loadSquad(path.join(dir, 'broken.json'))).rejects.toThrow(/broken\.json: not JSON/);
      await expect(loadSquad(path.join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read the dataset/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('corpus', () => {
  const ds = parseSquad(FICTIONAL_SQUAD, 'f.json');

  it('writes one Markdown document per article, title in the front matter, paragraphs separated by blank lines', () => {
    const md = articleMarkdown(ds.articles[0]!);
    const doc = loadMarkdown(md);
    expect(doc.title).toBe('Lake Vorrin');
    expect(doc.text.trim().split('\n\n')).toEqual(ds.articles[0]!.paragraphs);
    expect(corpusDocuments(ds.articles).map((d) => d.file)).toEqual(['lake-vorrin.md', 'brassmoor-clockworks.md']);
  });

  it('keeps titles with YAML-significant characters intact and file names unique', () => {
    const articles = [
      { title: 'Odd:_"Quoted"_#1', paragraphs: ['One paragraph.'] },
      { title: 'Odd:_Quoted_1', paragraphs: ['Another.'] },
    ];
    const docs = corpusDocuments(articles);
    expect(loadMarkdown(docs[0]!.text).title).toBe('Odd: "Quoted" #1');
    expect(docs.map((d) => d.file)).toEqual(['odd-quoted-1.md', 'odd-quoted-1-2.md']);
  });

  it('writeCorpus creates the directory with every article', async () => {
    const dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-squad-corpus-')), 'nested');
    try {
      await writeCorpus(ds.articles, dir);
      expect((await fs.readdir(dir)).sort()).toEqual(['brassmoor-clockworks.md', 'lake-vorrin.md']);
      expect(await fs.readFile(path.join(dir, 'lake-vorrin.md'), 'utf8')).toContain('Ilsa Brandt in 1842');
    } finally {
      await fs.rm(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
