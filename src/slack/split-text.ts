/**
 * Splits text into pieces of at most `max` UTF-16 code units, preferring paragraph breaks, then
 * line breaks, then sentence ends, then spaces; a single word longer than `max` is cut between
 * code points. Pieces are trimmed and never empty. Pure.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  return pack(text.trim(), max, 0)
    .map((piece) => piece.trim())
    .filter(Boolean);
}

/** Ways to cut text into units that keep their trailing separator, coarsest first. */
const LEVELS: readonly ((text: string) => string[])[] = [
  (text) => keepSeparators(text, /(\n[ \t]*\n\s*)/),
  (text) => keepSeparators(text, /(\n)/),
  (text) => text.match(/[^.!?;。！？；]*(?:[.!?;。！？；]+["'”’)\]]*\s*|$)/g)?.filter(Boolean) ?? [text],
  (text) => text.match(/\s*\S+\s*/g) ?? [text],
];

function pack(text: string, max: number, level: number): string[] {
  if (text.length <= max) return [text];
  const cut = LEVELS[level];
  if (!cut) return hardSplit(text, max);
  const units = cut(text);
  if (units.length <= 1) return pack(text, max, level + 1);
  const out: string[] = [];
  let current = '';
  for (const unit of units) {
    for (const piece of unit.length > max ? pack(unit, max, level + 1) : [unit]) {
      if (current.length + piece.length <= max) current += piece;
      else {
        if (current) out.push(current);
        current = piece;
      }
    }
  }
  if (current) out.push(current);
  return out;
}

/** Splits on a capturing pattern and appends each separator to the unit before it. */
function keepSeparators(text: string, separator: RegExp): string[] {
  const parts = text.split(separator);
  const units: string[] = [];
  for (let i = 0; i < parts.length; i += 2) units.push((parts[i] ?? '') + (parts[i + 1] ?? ''));
  return units.filter(Boolean);
}

function hardSplit(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    if (current.length + ch.length > max) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

/** Shortens text to at most `max` code units, ending in `…` when something was cut. Pure. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
