import type { FeedbackRecord } from './schema.js';

const COLUMNS = ['id', 'created_at', 'rating', 'question', 'answer', 'comment', 'citations'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, with quotes doubled.
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Feedback as CSV with a header row and CRLF line ends; citations as `[n] title: quote` joined by ` | `. */
export function feedbackToCsv(records: readonly FeedbackRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of records) {
    const citations = r.citations
      .map((c) => `[${c.n}] ${c.title ?? c.docId}${c.quote ? `: ${c.quote}` : ''}`)
      .join(' | ');
    lines.push([r.id, r.createdAt, r.rating, r.question, r.answer, r.comment ?? '', citations].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
