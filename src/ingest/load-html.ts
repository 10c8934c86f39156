import { type HtmlToTextOptions, htmlToText } from 'html-to-text';
import { formatPipeTableElement, PIPE_TABLE_FORMAT } from './html-table.js';
import { firstNonEmptyLine, normalizeText, titleFromLine } from './normalize.js';
import type { ExtractedDocument } from './types.js';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } }));

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { [PIPE_TABLE_FORMAT]: formatPipeTableElement },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: PIPE_TABLE_FORMAT },
    ...HEADINGS,
  ],
};

/**
 * Loads HTML as plain text (no link targets or images, headings on their own lines); tables are
 * written as Markdown pipe tables (see {@link formatPipeTableElement}).
 */
export function loadHtml(raw: string): ExtractedDocument {
  const html = normalizeText(raw);
  const text = normalizeText(htmlToText(html, OPTIONS))
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return { title: elementText(html, 'title') ?? elementText(html, 'h1') ?? firstLineTitle(text), text };
}

function elementText(html: string, tag: 'title' | 'h1'): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, 'iu').exec(html);
  if (!m) return undefined;
  const text = htmlToText(m[1]!, { wordwrap: false }).replace(/\s+/gu, ' ').trim();
  return text ? titleFromLine(text) : undefined;
}

function firstLineTitle(text: string): string | undefined {
  const first = firstNonEmptyLine(text);
  return first === undefined ? undefined : titleFromLine(first);
}
