import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunker.js';
import { loadCorpus } from '../../src/ingest/load-corpus.js';
import { docIdFromPath } from '../../src/ingest/slug.js';
import type { IngestWarning, LoadCorpusResult } from '../../src/ingest/types.js';
import type { SourceDocument } from '../../src/types.js';
import { CORPUS_DIR } from './corpus-doc.js';

const MARKDOWN = `---
title: "Trade Talk"
source: Example Times
date: 2022-09-01
language: en
interviewer: Example Times
---

Trade Talk

Example Times: How is trade going?
Ann Lee: Trade grew by 4.5% in 2021. Exports reached US$12.5 billion.
`;

const HTML = `<!doctype html>
<html><head><title>Services &amp; Trade</title><style>p { color: red }</style><script>var x = 1;</script></head>
<body>
<h1>Services Report</h1>
<p>Digital services grew <a href="https://example.com/data">quickly</a> in 2021.<img src="chart.png" alt="chart"></p>
<h2>Outlook</h2>
<p>Growth will continue.</p>
</body></html>`;

async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Quarterly Trade Note');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    'Digital trade grew quickly in 2020.',
    'Exports of digital services reached US$294.76 billion, up 47.4% from 2015.',
    'Cross-border e-commerce totaled 1.69 trillion yuan.',
  ];
  const first = pdf.addPage([600, 800]);
  lines.forEach((text, i) => first.drawText(text, { x: 50, y: 750 - i * 20, size: 12, font }));
  pdf.addPage([600, 800]).drawText('The second page closes the note.', { x: 50, y: 750, size: 12, font });
  return pdf.save();
}

describe('loadCorpus with mixed files', () => {
  let dir: string;
  let result: LoadCorpusResult;
  const seen: IngestWarning[] = [];
  const byPath = (p: string): SourceDocument => {
    const doc = result.docs.find((d) => d.path === p);
    if (!doc) throw new Error(`${p} not loaded`);
    return doc;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'citecheck-ingest-'));
    await mkdir(path.join(dir, 'sub'));
    await mkdir(path.join(dir, '.git'));
    const files: Record<string, string | Uint8Array> = {
      'interview.md': MARKDOWN,
      'notes.txt': 'Field Notes\r\nFirst line of notes.\r\nSecond line.\r\n',
      'page.html': HTML,
      'sub/Report 2021.pdf': await makePdf(),
      'broken.pdf': new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf\n%%EOF'),
      'letter.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
      'empty.md': '',
      'blank.txt': ' \n\n\t\n',
      'bad-front-matter.md': '---\ntitle: [unclosed\n---\nBody text.\n',
      'code-front-matter.md': '---js\n{ title: (globalThis.__ingestPwned = "yes") }\n---\nBody text.\n',
      'binary.txt': 'abc\u0000def',
      'a.md': '# Alpha\n\nAlpha body.',
      'a.txt': 'Alpha text\nbody',
      '.hidden.md': 'Hidden body.',
      '.git/config': '[core]',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
    result = await loadCorpus(dir, { onWarning: (w) => seen.push(w) });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the good files in sorted path order with unique slug ids', () => {
    expect(result.docs.map((d) => [d.path, d.docId, d.format])).toEqual([
      ['a.md', 'a', 'md'],
      ['a.txt', 'a-txt', 'txt'],
      ['interview.md', 'interview', 'md'],
      ['notes.txt', 'notes', 'txt'],
      ['page.html', 'page', 'html'],
      ['sub/Report 2021.pdf', 'sub/report-2021', 'pdf'],
    ]);
  });

  it('skips broken and unsupported files with a warning naming each', () => {
    const warned = new Map(result.warnings.map((w) => [w.file, w.message]));
    expect([...warned.keys()].sort()).toEqual([
      'bad-front-matter.md',
      'binary.txt',
      'blank.txt',
      'broken.pdf',
      'code-front-matter.md',
      'empty.md',
      'letter.docx',
    ]);
    expect(warned.get('letter.docx')).toMatch(/unsupported file type "\.docx"/);
    expect(warned.get('broken.pdf')).toMatch(/unreadable PDF/);
    expect(warned.get('empty.md')).toMatch(/no text/);
    expect(warned.get('bad-front-matter.md')).toMatch(/invalid front matter/);
    expect(warned.get('code-front-matter.md')).toMatch(/invalid front matter/);
    expect((globalThis as Record<string, unknown>).__ingestPwned).toBeUndefined();
    expect(seen).toEqual(result.warnings);
  });

  it('reads markdown front matter and keeps the body verbatim', () => {
    const doc = byPath('interview.md');
    expect(doc).toMatchObject({
      title: 'Trade Talk',
      source: 'Example Times',
      date: '2022-09-01',
      language: 'en',
      interviewer: 'Example Times',
    });
    expect(doc.text).toBe(MARKDOWN.slice(MARKDOWN.indexOf('\n---\n') + 6));
    const chunks = chunkDocument(doc);
    expect(chunks.map((c) => [c.speaker, c.section, c.text])).toEqual([
      ['Ann Lee', 'How is trade going?', 'Ann Lee: Trade grew by 4.5% in 2021. Exports reached US$12.5 billion.'],
    ]);
    expect(byPath('a.md').title).toBe('Alpha');
  });

  it('reads plain text with the first line as title and normalised line endings', () => {
    const doc = byPath('notes.txt');
    expect(doc.title).toBe('Field Notes');
    expect(doc.text).toBe('Field Notes\nFirst line of notes.\nSecond line.\n');
    expect(chunkDocument(doc).map((c) => c.text)).toEqual(['First line of notes.\nSecond line.']);
  });

  it('converts html to text without links, images, scripts or styles', () => {
    const doc = byPath('page.html');
    expect(doc.title).toBe('Services & Trade');
    expect(doc.text).toContain('Services Report');
    expect(doc.text).toContain('Digital services grew quickly in 2021.');
    expect(doc.text).toContain('Outlook\n');
    expect(doc.text).not.toMatch(/https?:|chart|color|var x|\r/);
    for (const c of chunkDocument(doc)) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('extracts, titles and chunks a generated PDF', () => {
    const doc = byPath('sub/Report 2021.pdf');
    expect(doc.title).toBe('Quarterly Trade Note');
    expect(doc.text).toContain('Exports of digital services reached US$294.76 billion, up 47.4% from 2015.');
    expect(doc.text).toContain('1.69 trillion yuan');
    expect(doc.text).toMatch(/2015\.[\s\S]*\n\nThe second page closes the note\.$/);
    const chunks = chunkDocument(doc);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    expect(chunks.map((c) => c.text).join(' ')).toContain('US$294.76 billion');
  });
});

describe('loadCorpus on the real corpus', () => {
  it('loads the interview with its front matter and verbatim body', async () => {
    const warnings: IngestWarning[] = [];
    const { docs } = await loadCorpus(CORPUS_DIR, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    const doc = docs.find((d) => d.docId === 'digital-trade-interview')!;
    expect(doc).toMatchObject({
      path: 'digital-trade-interview.md',
      format: 'md',
      title:
        'Create a digital trade demonstration zone and explore the way for the high-quality development of international trade',
      source: 'China Economic Times',
      date: '2022',
      language: 'en',
      interviewer: 'China Economic Times',
    });
    const raw = await readFile(path.join(CORPUS_DIR, 'digital-trade-interview.md'), 'utf8');
    expect(doc.text).toBe(raw.slice(raw.indexOf('\n---\n', 3) + 5));
  });

  it('throws when the directory does not exist', async () => {
    await expect(loadCorpus(path.join(CORPUS_DIR, 'missing-dir'))).rejects.toThrow();
  });
});

describe('docIdFromPath', () => {
  it('slugs each path segment and drops the extension', () => {
    expect(docIdFromPath('digital-trade-interview.md')).toBe('digital-trade-interview');
    expect(docIdFromPath('Sub/Report 2021.PDF')).toBe('sub/report-2021');
    expect(docIdFromPath('Ünïcode Files/Café Notes.txt')).toBe('unicode-files/cafe-notes');
    expect(docIdFromPath('报告/数字贸易.md')).toBe('报告/数字贸易');
    expect(docIdFromPath('.md')).toBe('md');
  });
});
