import type { ChatResponse, Check, Citation, RelatedPassage, TableRowRef } from '../answer/schema.js';
import {
  type ContextBlock,
  type MrkdwnText,
  type SectionBlock,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
} from './block-types.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';
import { splitText, truncate } from './split-text.js';

const ABSTAINED = "The documents don't answer this question.";
const QUOTE_CHARS = 280;
/** A table row's `header: cell` line carries its headers too, so it may run longer than a quote. */
const TABLE_ROW_CHARS = 500;

/** Options of {@link buildAnswerMessage}. */
export interface AnswerMessageOptions {
  /** Shown above the answer (slash-command replies do not show the command itself). */
  question?: string | undefined;
}

/**
 * Renders an answer as a Block Kit message: the question (optional), an abstention notice, the
 * short answer in bold as its own section (when the response has one), the answer as mrkdwn, any
 * notice, the sources as context blocks `[n] title - speaker: "quote…"` (a cited table row as its
 * caption and `header: cell` pairs, see {@link sourceElement}; the nearest passages when
 * abstaining without sources), and the checks. Every text fits
 * {@link SLACK_LIMITS}; a very long answer is cut so the sources and checks still fit. Pure.
 */
export function buildAnswerMessage(response: ChatResponse, options: AnswerMessageOptions = {}): SlackMessage {
  const head: SlackBlock[] = [];
  if (options.question?.trim()) head.push(context([`*Q:* ${escapeMrkdwn(truncate(options.question.trim(), 500))}`]));
  if (response.abstained) head.push(section(`:grey_question: *${ABSTAINED}*`));
  const short = shortLine(response);
  if (short) head.push(section(short));

  const tail: SlackBlock[] = [];
  if (response.notice) tail.push(context([`:information_source: ${escapeMrkdwn(truncate(response.notice, 1000))}`]));
  if (response.citations.length) tail.push(section('*Sources*'), ...contexts(response.citations.map(sourceElement)));
  else if (response.abstained && response.related?.length) {
    tail.push(section('*Nearest passages*'), ...contexts(response.related.map(relatedElement)));
  }
  if (response.checks.length) {
    const lines = response.checks.map((c) => `• ${escapeMrkdwn(checkLine(c))}`).join('\n');
    tail.push(...splitText(`*Checks*\n${lines}`, SLACK_LIMITS.textChars).map(section));
  }

  const answer = splitText(markdownToMrkdwn(response.answer), SLACK_LIMITS.textChars).map(section);
  const room = Math.max(1, SLACK_LIMITS.blocks - head.length - tail.length);
  const body =
    answer.length <= room
      ? answer
      : [...answer.slice(0, room - 1), section('_… the answer is too long for Slack and was cut here._')];
  let blocks = [...head, ...body, ...tail];
  if (blocks.length > SLACK_LIMITS.blocks) {
    const omitted = blocks.length - SLACK_LIMITS.blocks + 1;
    blocks = [...blocks.slice(0, SLACK_LIMITS.blocks - 1), context([`_${omitted} more blocks not shown._`])];
  }
  return { text: fallbackText(response), blocks };
}

/** The plain `text` of the message: the answer (abstentions say so), within one text block's limit. */
export function fallbackText(response: ChatResponse): string {
  const answer = response.answer.trim() || ABSTAINED;
  const text =
    response.abstained && !/\b(?:documents?|not (?:covered|mentioned))\b/i.test(answer)
      ? `${ABSTAINED} ${answer}`
      : answer;
  return fitMrkdwn(markdownToMrkdwn(text), SLACK_LIMITS.textChars);
}

/**
 * The short answer (the answer's leading name, date or figure) as a bold mrkdwn line, e.g.
 * `*US$12.5 billion*`; undefined when the response has none or abstained. Pure.
 */
export function shortLine(response: ChatResponse): string | undefined {
  const text = response.short?.text.replace(/\s+/g, ' ').trim();
  if (!text || response.abstained) return undefined;
  return `*${escapeMrkdwn(truncate(text, 200)).replace(/[*_~`]/g, '')}*`;
}

/** One check as a line, e.g. `18% = (14.75 - 12.5) / 12.5 verified`. Pure. */
export function checkLine(check: Check): string {
  const stated =
    check.claim && check.claim.length <= 60 && ['verified', 'approximate', 'mismatch'].includes(check.status);
  const suffix = stated ? ` (stated: ${check.claim})` : '';
  if (check.display && check.formula) return `${check.display} = ${check.formula} ${check.status}${suffix}`;
  const what = check.display ?? (check.claim ? `“${truncate(check.claim, 120)}”` : check.op);
  return `${what} ${check.status}${suffix}`;
}

/**
 * One source as context text, e.g. `[1] Title - Speaker: "quote…"`. A cited table row shows as its
 * caption and its non-empty cells with their headers instead of the pipes:
 * `[1] Title - Table 2: Results` and, on the next line, `Total net sales — 2019: 1,634 · 2018: 1,745`. Pure.
 */
export function sourceElement(citation: Citation): string {
  const who = citation.speaker ? ` - ${truncate(citation.speaker, 100)}` : '';
  const row = citation.table ? tableRowText(citation.table) : '';
  if (citation.table && row) {
    const caption = citation.table.caption ? ` - ${truncate(flat(citation.table.caption), 200)}` : '';
    return escapeMrkdwn(
      `[${citation.n}] ${truncate(citation.title, 200)}${who}${caption}\n${truncate(row, TABLE_ROW_CHARS)}`,
    );
  }
  const quote = truncate(flat(citation.quote), QUOTE_CHARS);
  return escapeMrkdwn(`[${citation.n}] ${truncate(citation.title, 200)}${who}: "${quote}"`);
}

/**
 * A table row as plain text: the row label (column 0, after its header when it has one), then
 * `header: cell` for every other non-empty cell, e.g. `Total net sales — 2019: 1,634 · 2018: 1,745`.
 * Empty when every cell is empty. Pure.
 */
export function tableRowText(table: TableRowRef): string {
  const pair = (i: number) => {
    const cell = flat(table.cells[i] ?? '');
    const header = flat(table.headers[i] ?? '');
    return !cell ? '' : header ? `${header}: ${cell}` : cell;
  };
  const label = pair(0);
  const rest = table.cells
    .map((_, i) => (i === 0 ? '' : pair(i)))
    .filter(Boolean)
    .join(' · ');
  return [label, rest].filter(Boolean).join(' — ');
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function relatedElement(passage: RelatedPassage): string {
  const who = passage.speaker ? ` - ${truncate(passage.speaker, 100)}` : '';
  return escapeMrkdwn(
    `${truncate(passage.title, 200)}${who}: "${truncate(passage.text.replace(/\s+/g, ' ').trim(), QUOTE_CHARS)}"`,
  );
}

function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text: fitMrkdwn(text, SLACK_LIMITS.textChars) };
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function context(texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.map(mrkdwn) };
}

/** Context blocks of at most {@link SLACK_LIMITS.contextElements} elements each. */
function contexts(texts: string[]): ContextBlock[] {
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < texts.length; i += SLACK_LIMITS.contextElements)
    blocks.push(context(texts.slice(i, i + SLACK_LIMITS.contextElements)));
  return blocks;
}

/** Truncates escaped mrkdwn without cutting an `&amp;`-style entity in half. */
function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${truncate(text, max)
    .slice(0, -1)
    .replace(/&[a-z]*$/, '')}…`;
}
