import type { TableRow as MdRow, Table as MdTable, Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString as mdastText } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import { splitSentences } from '../ingest/sentences.js';
import type { RawRow, RawTable, TableCell } from './types.js';
import { readUnitHint } from './unit-hints.js';

/** A GFM delimiter row (`| --- | :---: |`); documents without one hold no pipe table and are not parsed. */
const DELIMITER_ROW_RE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/mu;
/** A line above a table longer than this is body text, not its caption. */
const MAX_CAPTION_CHARS = 200;
/**
 * Paragraphs above a table (up to the previous heading or table) read for units and scale ("in thousands"), with the
 * paragraph that announces the table ("The following table …") however far above it.
 */
const LEAD_PARAGRAPHS = 6;

const offsetOf = (node: Pick<Nodes, 'position'>, edge: 'start' | 'end'): number => node.position?.[edge].offset ?? -1;

/** The cell's verbatim content span: its slice without the pipes and the spaces around them. */
function cellSpan(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  while (start < end && /[ \t]/u.test(text[start]!)) start++;
  while (end > start && /[ \t]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

function readRow(text: string, row: MdRow): RawRow {
  const cells: TableCell[] = row.children.map((cell) => {
    const span = cellSpan(text, offsetOf(cell, 'start'), offsetOf(cell, 'end'));
    return { text: mdastText(cell).replace(/\s+/gu, ' ').trim(), ...span };
  });
  return { start: offsetOf(row, 'start'), end: offsetOf(row, 'end'), cells };
}

/** A short line that only states the table's units ("Expressed in US $000's", "(In millions)"): not its caption. */
const MAX_UNIT_LINE_CHARS = 100;
const UNIT_LINE_RE =
  /^\s*\(?\s*(?:US\$|[$€£¥]|RMB)?\s*(?:(?:all\s+)?(?:amounts?|figures|values)\s+(?:are\s+)?)?(?:expressed\s+|stated\s+|presented\s+|shown\s+)?in\b/iu;
const isUnitLine = (node: Nodes): boolean => {
  const line = mdastText(node);
  return (
    node.type === 'paragraph' &&
    line.length <= MAX_UNIT_LINE_CHARS &&
    UNIT_LINE_RE.test(line) &&
    readUnitHint(line).scale !== undefined
  );
};
/** A paragraph ending in a colon introduces what follows ("The following table presents ...:"). */
const INTRODUCES_RE = /[:：]\s*$/u;

/** A caption: its text, with whitespace runs folded, and its verbatim span in the document. */
interface Caption {
  text: string;
  start: number;
  end: number;
}

/**
 * The caption above a table: a heading, a short paragraph written directly above it, or a short paragraph
 * introducing it with a colon even after a blank line; a unit line between them is passed over. Of a longer
 * paragraph that introduces the table, its last sentence ("The weighted-average exchange rates … were as follows:").
 */
function captionOf(nodes: readonly Nodes[], i: number, table: MdTable, text: string): Caption | undefined {
  let j = i - 1;
  if (nodes[j] && isUnitLine(nodes[j]!)) j--;
  const node = nodes[j];
  if (!node || (node.type !== 'paragraph' && node.type !== 'heading')) return undefined;
  const line = mdastText(node);
  const start = offsetOf(node, 'start');
  const end = offsetOf(node, 'end');
  const gap = text.slice(end, offsetOf(table, 'start'));
  const introduces = INTRODUCES_RE.test(line);
  if (!(node.type === 'heading' || !gap.includes('\n\n') || introduces)) return undefined;
  if (line.length <= MAX_CAPTION_CHARS) return { text: line.replace(/\s+/gu, ' ').trim(), start, end };
  return introduces && node.type === 'paragraph' ? lastSentence(node, text) : undefined;
}

/** A paragraph's last sentence as a caption, when short enough to be one. */
function lastSentence(node: Nodes, text: string): Caption | undefined {
  const start = offsetOf(node, 'start');
  const last = splitSentences(text.slice(start, offsetOf(node, 'end')), start).at(-1);
  return last && last.text.length <= MAX_CAPTION_CHARS
    ? { text: last.text.replace(/\s+/gu, ' '), start: last.start, end: last.end }
    : undefined;
}

/** Words with which a paragraph announces the table that follows it, however far below. */
const ANNOUNCES_RE = /\b(?:the\s+following\s+tables?|the\s+tables?\s+below)\b/iu;
/** A paragraph ending by pointing forward ("… included the following:", "… were as follows:"), unlike one opening a list. */
const POINTS_FORWARD_RE = /\b(?:the following|as follows|below)\s*[:：]\s*$/iu;
/**
 * A paragraph that announces the next table: it names it ("The following table summarizes our cash flows (in
 * thousands)") or ends by pointing forward to it ("The segment's operating income included the following:").
 */
const announces = (n: Nodes) =>
  n.type === 'paragraph' && (ANNOUNCES_RE.test(mdastText(n)) || POINTS_FORWARD_RE.test(mdastText(n)));

/** The nodes after the last heading or table among `nodes` (the heading itself included). */
function leadNodes(nodes: readonly Nodes[]): Nodes[] {
  let from = 0;
  nodes.forEach((n, i) => {
    if (n.type === 'heading') from = i;
    if (n.type === 'table') from = i + 1;
  });
  return nodes.slice(from);
}

function collect(parent: Parent, text: string, out: RawTable[]): void {
  parent.children.forEach((node, i) => {
    if (node.type === 'table') {
      const near = leadNodes(parent.children.slice(Math.max(0, i - LEAD_PARAGRAPHS), i));
      const announced = leadNodes(parent.children.slice(0, i)).findLast(announces);
      const before = announced && !near.includes(announced) ? [announced, ...near] : near;
      // With no caption right above, the last sentence of the paragraph announcing the table stands for one.
      const caption =
        captionOf(parent.children, i, node, text) ?? (announced ? lastSentence(announced, text) : undefined);
      const rows = node.children.map((row) => readRow(text, row));
      out.push({
        start: offsetOf(node, 'start'),
        end: offsetOf(node, 'end'),
        caption: caption?.text ?? null,
        captionSpan: caption ? { start: caption.start, end: caption.end } : null,
        lead: before.map((n) => mdastText(n)).join('\n'),
        rows,
      });
    } else if ('children' in node) {
      collect(node, text, out);
    }
  });
}

/**
 * The GitHub-flavoured Markdown pipe tables in a document's text, in order, with verbatim offsets for
 * each row and cell. Parsed with micromark's GFM table extension (the parser behind remark-gfm), so
 * escaped pipes, alignment rows and tables inside lists or quotes read as GitHub renders them. Loaders
 * of other formats write their tables in this form, so one reader serves every format.
 */
export function findTables(text: string): RawTable[] {
  if (!DELIMITER_ROW_RE.test(text)) return [];
  const tree: Root = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const out: RawTable[] = [];
  collect(tree, text, out);
  return out.filter((t) => t.start >= 0 && t.rows.length > 0);
}
