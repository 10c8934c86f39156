import { getDocumentProxy, getMeta } from 'unpdf';
import { firstNonEmptyLine, normalizeText, titleFromLine } from './normalize.js';
import { layoutPageText } from './pdf-layout.js';
import type { PdfTextItem } from './pdf-lines.js';
import { ensurePromiseTry } from './promise-try.js';
import type { ExtractedDocument } from './types.js';

/**
 * Loads a PDF's text layer; pages are separated by a blank line. Tables found in the text layer
 * are written as Markdown pipe tables, everything else as the text items read in order (see
 * {@link layoutPageText}). The title comes from the PDF metadata, else the first line of text.
 * @throws Error when the bytes are not a readable PDF.
 */
export async function loadPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  ensurePromiseTry();
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pageText(pdf, i + 1)));
    const text = pages
      .map((page) =>
        normalizeText(page)
          .split('\n')
          .map((line) => line.trimEnd())
          .join('\n')
          .trim(),
      )
      .filter((page) => page !== '')
      .join('\n\n');
    const metaTitle = await metadataTitle(pdf);
    const first = firstNonEmptyLine(text);
    return { title: metaTitle ?? (first === undefined ? undefined : titleFromLine(first)), text };
  } finally {
    await pdf.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** One page's text, from pdf.js text items (positions included, which `extractText` drops). */
async function pageText(pdf: PdfDocument, pageNumber: number): Promise<string> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  const items: readonly unknown[] = content.items;
  return layoutPageText(items.filter(isTextItem));
}

/** pdf.js lists marked-content markers among the text items; only items with a string are text. */
function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string';
}

async function metadataTitle(pdf: Parameters<typeof getMeta>[0]): Promise<string | undefined> {
  try {
    const { info } = await getMeta(pdf);
    const title: unknown = info.Title;
    return typeof title === 'string' && title.trim() ? titleFromLine(title) : undefined;
  } catch {
    return undefined;
  }
}
