/** Strips a byte-order mark and converts CRLF / CR line endings to `\n`. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
}

/** The first line of `text` that is not blank, trimmed. */
export function firstNonEmptyLine(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

const MAX_TITLE_LENGTH = 200;
const SHORT_TITLE_LENGTH = 100;

/**
 * A title taken from a line of text. A line too long to be a title is shortened at a word
 * boundary and marked with an ellipsis, so it is never mistaken for the line itself.
 */
export function titleFromLine(line: string): string {
  const clean = line
    .replace(/^#{1,6}\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (clean.length <= MAX_TITLE_LENGTH) return clean;
  const cut = clean.slice(0, SHORT_TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
