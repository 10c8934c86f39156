import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { firstNonEmptyLine, normalizeText, titleFromLine } from './normalize.js';
import { ensurePromiseTry } from './promise-try.js';
import type { ExtractedDocument } from './types.js';

/**
 * Loads a PDF's text layer; pages are separated by a blank line. The title comes from the
 * PDF metadata, else the first line of text.
 * @throws Error when the bytes are not a readable PDF.
 */
export async function loadPdf(bytes: Uint8Array): Promise<ExtractedDocument> {
  ensurePromiseTry();
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text: pages } = await extractText(pdf, { mergePages: false });
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

async function metadataTitle(pdf: Parameters<typeof getMeta>[0]): Promise<string | undefined> {
  try {
    const { info } = await getMeta(pdf);
    const title: unknown = info['Title'];
    return typeof title === 'string' && title.trim() ? titleFromLine(title) : undefined;
  } catch {
    return undefined;
  }
}
