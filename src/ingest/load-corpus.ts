import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from '../types.js';
import { loadHtml } from './load-html.js';
import { loadMarkdown } from './load-markdown.js';
import { loadPdf } from './load-pdf.js';
import { loadText } from './load-text.js';
import { docIdFromPath, uniqueId } from './slug.js';
import type { ExtractedDocument, IngestWarning, LoadCorpusOptions, LoadCorpusResult } from './types.js';

const FORMATS: Record<string, SourceDocument['format']> = {
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

/** Data file that `npm run ingest` writes into the corpus directory; never a document. */
export const INDICATORS_FILE = 'indicators.json';

/** Files larger than this are skipped with a warning. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Loads every supported document (.md/.markdown, .txt, .html/.htm, .pdf) under `dir`,
 * recursively, in sorted path order, ignoring dotfiles and dot-directories. Files that are
 * unsupported, unreadable, malformed or empty are skipped with a warning naming the file;
 * the generated {@link INDICATORS_FILE} and `opts.ignore` paths are skipped silently.
 * @throws when `dir` itself cannot be read.
 */
export async function loadCorpus(dir: string, opts: LoadCorpusOptions = {}): Promise<LoadCorpusResult> {
  const root = path.resolve(dir);
  const docs: SourceDocument[] = [];
  const warnings: IngestWarning[] = [];
  const warn = (file: string, message: string) => {
    const warning = { file, message };
    warnings.push(warning);
    opts.onWarning?.(warning);
  };
  const taken = new Set<string>();
  const ignored = new Set([INDICATORS_FILE, ...(opts.ignore ?? [])]);
  for (const relative of await listFiles(root, warn)) {
    if (ignored.has(relative)) continue;
    const format = FORMATS[path.extname(relative).toLowerCase()];
    if (!format) {
      warn(relative, `unsupported file type "${path.extname(relative) || '(none)'}"`);
      continue;
    }
    let extracted: ExtractedDocument;
    try {
      extracted = await loadFile(path.join(root, relative), format);
    } catch (err) {
      warn(relative, err instanceof Error ? err.message : String(err));
      continue;
    }
    if (extracted.text.trim() === '') {
      warn(relative, 'no text after extraction');
      continue;
    }
    const base = docIdFromPath(relative);
    docs.push({
      docId: uniqueId(taken.has(base) ? `${base}-${format}` : base, taken),
      title: extracted.title ?? path.basename(relative, path.extname(relative)),
      path: relative,
      format,
      source: extracted.source,
      date: extracted.date,
      language: extracted.language,
      interviewer: extracted.interviewer,
      text: extracted.text,
    });
  }
  return { docs, warnings };
}

async function loadFile(file: string, format: SourceDocument['format']): Promise<ExtractedDocument> {
  const info = await stat(file);
  if (info.size > MAX_FILE_BYTES) throw new Error(`file too large (${info.size} bytes, limit ${MAX_FILE_BYTES})`);
  const bytes = await readFile(file);
  if (format === 'pdf') {
    try {
      return await loadPdf(bytes);
    } catch (err) {
      throw new Error(`unreadable PDF: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const raw = bytes.toString('utf8');
  if (raw.includes('\u0000')) throw new Error('binary content in a text file');
  if (format === 'md') return loadMarkdown(raw);
  if (format === 'html') return loadHtml(raw);
  return loadText(raw);
}

/** Corpus-relative paths (with `/` separators) of all non-hidden files, sorted. */
async function listFiles(root: string, warn: (file: string, message: string) => void): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      try {
        const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(full)).isDirectory());
        if (isDir) await walk(full);
        else files.push(relative);
      } catch (err) {
        warn(relative, err instanceof Error ? err.message : String(err));
      }
    }
  };
  await walk(root);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
