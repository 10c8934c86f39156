import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField, feedbackToCsv } from '../../src/feedback/csv.js';
import { SqliteFeedbackStore } from '../../src/feedback/store.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-store-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const input = {
  rating: 'up' as const,
  question: 'What was the CAGR?',
  answer: 'About 6.67% a year [1].',
  citations: [{ n: 1, docId: 'doc', chunkId: 'c1', title: 'Doc', quote: 'grew', start: 3, end: 7 }],
};

describe('SqliteFeedbackStore', () => {
  it('creates nothing until used, then stores rows in a WAL-mode SQLite file', async () => {
    const file = path.join(dir, 'nested', 'feedback.sqlite');
    const store = new SqliteFeedbackStore(file);
    await expect(fs.stat(file)).rejects.toThrow();
    const id = await store.add(input, new Date('2026-01-02T03:04:05Z'));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await store.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    const reopened = new SqliteFeedbackStore(file);
    expect(await reopened.list()).toEqual([{ id, createdAt: '2026-01-02T03:04:05.000Z', comment: null, ...input }]);
    await reopened.close();
  });

  it('adds a comment to an existing row only', async () => {
    const store = new SqliteFeedbackStore(path.join(dir, 'f.sqlite'));
    const id = await store.add({ ...input, rating: 'down', comment: 'first' });
    expect(await store.setComment(id, 'second')).toBe(true);
    expect(await store.setComment('00000000-0000-4000-8000-000000000000', 'x')).toBe(false);
    expect((await store.list()).map((r) => [r.rating, r.comment])).toEqual([['down', 'second']]);
    await store.close();
  });

  it('lists oldest first', async () => {
    const store = new SqliteFeedbackStore(path.join(dir, 'f.sqlite'));
    await store.add({ ...input, question: 'b' }, new Date('2026-01-02T00:00:00Z'));
    await store.add({ ...input, question: 'a' }, new Date('2026-01-01T00:00:00Z'));
    expect((await store.list()).map((r) => r.question)).toEqual(['a', 'b']);
    await store.close();
  });
});

describe('CSV export', () => {
  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@cmd')).toBe("'@cmd");
  });

  it('writes a header row and one CRLF-terminated row per record', () => {
    const csv = feedbackToCsv([
      {
        id: 'i1',
        createdAt: '2026-01-01T00:00:00.000Z',
        rating: 'down',
        question: 'Why, "really"?',
        answer: 'A\nB',
        comment: null,
        citations: input.citations,
      },
    ]);
    expect(csv).toBe(
      'id,created_at,rating,question,answer,comment,citations\r\n' +
        'i1,2026-01-01T00:00:00.000Z,down,"Why, ""really""?","A\nB",,[1] Doc: grew\r\n',
    );
  });
});
