import { firstNonEmptyLine, normalizeText, titleFromLine } from './normalize.js';
import type { ExtractedDocument } from './types.js';

/** Loads plain text; the title is the first non-empty line. */
export function loadText(raw: string): ExtractedDocument {
  const text = normalizeText(raw);
  const first = firstNonEmptyLine(text);
  return { title: first === undefined ? undefined : titleFromLine(first), text };
}
