import fs from 'node:fs/promises';
import path from 'node:path';
import { slugify } from '../../../ingest/slug.js';
import type { TatqaDocument } from './dataset.js';

/** One Markdown file of the generated corpus. */
export interface CorpusDocument {
  /** File name inside the corpus directory (`report-<n>.md`). */
  file: string;
  title: string;
  text: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A table cell for a pipe table: whitespace collapsed, `|` escaped as `\|`. */
export function pipeCell(text: string): string {
  return collapse(text).replace(/\|/g, '\\|');
}

/**
 * A GitHub-flavoured Markdown pipe table: the first row as the header, a `| --- |` delimiter row, then the
 * other rows; every row padded to the table's column count (its longest row). Empty for a table without cells.
 */
export function pipeTable(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (!columns) return '';
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: columns }, (_, i) => pipeCell(cells[i] ?? '')).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `| ${Array.from({ length: columns }, () => '---').join(' | ')} |`, ...body.map(line)].join(
    '\n',
  );
}

/**
 * The Markdown document of one TAT-QA document: YAML front matter (`title: "Report <n>"`, `language: en`),
 * then each paragraph (sorted by `order`, whitespace collapsed so it stays one Markdown paragraph),
 * separated by blank lines, then the table as a pipe table.
 */
export function documentMarkdown(doc: TatqaDocument): string {
  const paragraphs = doc.paragraphs.map(collapse).filter(Boolean);
  const table = pipeTable(doc.table);
  const blocks = [...paragraphs, ...(table ? [table] : [])];
  return `---\ntitle: ${JSON.stringify(doc.title)}\nlanguage: en\n---\n\n${blocks.join('\n\n')}\n`;
}

/** The corpus file of one document. */
export function corpusDocument(doc: TatqaDocument): CorpusDocument {
  return { file: `${slugify(doc.title)}.md`, title: doc.title, text: documentMarkdown(doc) };
}

/** Writes one file per document into `dir` (created if needed); returns the paths written. */
export async function writeCorpus(documents: readonly TatqaDocument[], dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const docs = documents.map(corpusDocument);
  await Promise.all(docs.map((d) => fs.writeFile(path.join(dir, d.file), d.text, 'utf8')));
  return docs.map((d) => path.join(dir, d.file));
}
