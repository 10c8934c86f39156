/** NFKC-normalises text (full-width digits become ASCII, compatibility forms are folded). */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** NFKC plus lower case: the form used for case-insensitive matching. */
export function foldCase(text: string): string {
  return nfkc(text).toLowerCase();
}

const CITATION_MARKER = /\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]/g;

/** Replaces citation markers such as `[1]`, `[1, 2]` or `[2–3]` with a space. */
export function stripCitationMarkers(text: string): string {
  return text.replace(CITATION_MARKER, ' ');
}

/** Shortens `text` to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
