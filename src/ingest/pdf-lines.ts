/** The fields of a pdf.js text item (`page.getTextContent().items`) that page layout reads. */
export interface PdfTextItem {
  str: string;
  /** Text matrix `[a, b, c, d, x, y]`: x at index 4, baseline y at index 5 (y grows upwards). */
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * Two pieces of text on one line belong to different table cells when the horizontal gap between
 * them is wider than this many font heights (a space is about a quarter of the font height).
 */
export const CELL_GAP_FACTOR = 1.5;
/** Text items whose baselines differ by at most this many font heights are on the same line. */
export const LINE_Y_TOLERANCE_FACTOR = 0.5;
/** Two pieces of text in one cell further apart than this many font heights get a space between them. */
const WORD_GAP_FACTOR = 0.2;
/** A text matrix entry smaller than this is zero: the text is neither rotated nor skewed. */
const UPRIGHT_EPSILON = 1e-3;

/** A horizontal extent on the page: a cell's or a table column's. */
export interface Range {
  x0: number;
  x1: number;
}

/** A run of text on one line, or a cell made of such runs. */
export interface Span extends Range {
  text: string;
}

/** A visual line of the page: its baseline, font height, text items and cells. */
export interface Line {
  /** Baseline of the line's first item. */
  y: number;
  /** Largest font height on the line. */
  height: number;
  /** Indices of every item on the line, whitespace included. */
  items: number[];
  /** Non-blank text split at wide gaps, left to right. */
  cells: Span[];
}

function fontHeight(item: PdfTextItem): number {
  if (item.height > 0) return item.height;
  const [, , c = 0, d = 0] = item.transform;
  return Math.hypot(c, d);
}

function isUpright(item: PdfTextItem): boolean {
  const [a = 0, b = 0, c = 0] = item.transform;
  return a > 0 && Math.abs(b) < UPRIGHT_EPSILON && Math.abs(c) < UPRIGHT_EPSILON;
}

/**
 * Groups upright items into visual lines, top to bottom, each split into cells at wide gaps.
 * Lines holding only whitespace are dropped.
 */
export function buildLines(items: readonly PdfTextItem[]): Line[] {
  const order = items
    .map((item, index) => ({ item, index, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0 }))
    .filter(({ item }) => isUpright(item))
    .sort((p, q) => q.y - p.y || p.x - q.x);
  const drafts: { line: Line; pieces: Span[] }[] = [];
  let current: { line: Line; pieces: Span[] } | undefined;
  for (const { item, index, x, y } of order) {
    const height = fontHeight(item);
    if (!current || Math.abs(current.line.y - y) > LINE_Y_TOLERANCE_FACTOR * Math.max(current.line.height, height)) {
      current = { line: { y, height: 0, items: [], cells: [] }, pieces: [] };
      drafts.push(current);
    }
    current.line.items.push(index);
    if (item.str.trim() === '') continue;
    current.line.height = Math.max(current.line.height, height);
    current.pieces.push({ x0: x, x1: x + Math.max(0, item.width), text: item.str.trim() });
  }
  return drafts
    .map(({ line, pieces }) => ({ ...line, cells: splitCells(pieces, line.height) }))
    .filter((line) => line.cells.length > 0);
}

function splitCells(pieces: Span[], height: number): Span[] {
  const cells: Span[] = [];
  for (const piece of [...pieces].sort((p, q) => p.x0 - q.x0)) {
    const last = cells.at(-1);
    const gap = last ? piece.x0 - last.x1 : Infinity;
    if (!last || gap > CELL_GAP_FACTOR * height) {
      cells.push({ ...piece });
      continue;
    }
    last.text += (gap > WORD_GAP_FACTOR * height ? ' ' : '') + piece.text;
    last.x1 = Math.max(last.x1, piece.x1);
  }
  return cells;
}
