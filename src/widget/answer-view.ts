import { type Child, el } from './dom.js';
import { checkFormula, checkLabel, describeCheck, type Segment, segmentAnswer } from './segments.js';
import { isTableRow, tableRowView } from './table-row-view.js';
import type { ChatResponse, Check, Citation, PassageTarget, RelatedPassage, TableRowRef } from './types.js';

/** What the rendered answer needs from the widget. */
export interface AnswerActions {
  openPassage(target: PassageTarget, opener: HTMLElement): void;
}

const SYMBOL: Record<Check['status'], string> = {
  verified: '✓',
  approximate: '≈',
  mismatch: '✗',
  computed: '=',
  unverified: '?',
};

/** A check badge: status label, with the formula on hover and focus (and in `title` / `aria-description`). */
export function checkBadge(check: Check): HTMLButtonElement {
  const description = describeCheck(check);
  const tip = el('span', { class: 'tip', 'aria-hidden': 'true' }, checkFormula(check) ?? description);
  const badge = el(
    'button',
    {
      type: 'button',
      class: 'badge',
      'data-testid': 'citecheck-check',
      'data-status': check.status,
      title: description,
      'aria-description': description,
      'aria-expanded': 'false',
    },
    el('span', { 'aria-hidden': 'true' }, SYMBOL[check.status]),
    checkLabel(check.status),
    tip,
  );
  // The tip spans the message bubble under the badge's line, so it never leaves the panel.
  const place = () => (tip.style.top = `${badge.offsetTop + badge.offsetHeight + 4}px`);
  for (const type of ['mouseenter', 'focus']) badge.addEventListener(type, place);
  badge.addEventListener('click', () => {
    place();
    badge.setAttribute('aria-expanded', String(badge.getAttribute('aria-expanded') !== 'true'));
  });
  badge.addEventListener('blur', () => badge.setAttribute('aria-expanded', 'false'));
  return badge;
}

const citationTarget = (c: Citation): PassageTarget => ({
  docId: c.docId,
  title: c.title,
  section: c.section,
  speaker: c.speaker,
  start: c.start,
  end: c.end,
  highlight: true,
  ...(isTableRow(c.table) ? { table: c.table } : {}),
});
const relatedTarget = (p: RelatedPassage): PassageTarget => ({
  docId: p.docId,
  title: p.title,
  section: p.section,
  speaker: p.speaker,
  start: p.start,
  end: p.end,
  highlight: false,
});

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function citeButton(c: Citation, actions: AnswerActions): HTMLButtonElement {
  const who = c.speaker ? `, ${c.speaker}` : '';
  const button = el(
    'button',
    {
      type: 'button',
      class: 'cite',
      'data-testid': 'citecheck-citation',
      'data-n': c.n,
      'aria-label': `Source ${c.n}: ${c.title}${who}`,
    },
    String(c.n),
  );
  button.addEventListener('click', () => actions.openPassage(citationTarget(c), button));
  return button;
}

function renderSegment(
  s: Segment & { kind: 'cite' | 'check' },
  byN: Map<number, Citation>,
  checks: readonly Check[],
  actions: AnswerActions,
): Child {
  if (s.kind === 'cite') return citeButton(byN.get(s.n)!, actions);
  const check = checks[s.index];
  return check ? checkBadge(check) : null;
}

/** A paragraph; buttons stay on one line with the punctuation right after them; a leading short answer is bold. */
function paragraph(
  segments: Segment[],
  byN: Map<number, Citation>,
  checks: readonly Check[],
  actions: AnswerActions,
  short?: string,
): HTMLElement {
  const p = el('p');
  const first = segments[0];
  if (short && first?.kind === 'text' && first.text.startsWith(short)) {
    p.append(el('strong', { class: 'short', 'data-testid': 'citecheck-short' }, short));
    segments = [{ kind: 'text', text: first.text.slice(short.length) }, ...segments.slice(1)];
  }
  let group: HTMLElement | undefined;
  for (const s of segments) {
    if (s.kind === 'cite' || s.kind === 'check') {
      group ??= p.appendChild(el('span', { class: 'nowrap' }));
      const node = renderSegment(s, byN, checks, actions);
      if (node) group.append(node);
      continue;
    }
    let text = s.kind === 'text' ? s.text : '';
    if (group && /^[ \t]+$/.test(text)) {
      group.append(text);
      continue;
    }
    const punct = group && /^[,.;:!?)\]”’]+/.exec(text)?.[0];
    if (group && punct) {
      group.append(punct);
      text = text.slice(punct.length);
    }
    group = undefined;
    if (s.kind === 'break') p.append(el('br'));
    else if (text) p.append(text);
  }
  return p;
}

interface SourceItem {
  key: string;
  label: string;
  who: string | null;
  snippet: string;
  /** Shown as a small table in place of the snippet. */
  table?: TableRowRef | undefined;
  testid: string;
  open: (b: HTMLElement) => void;
}

function sourceList(title: string, items: SourceItem[]): HTMLElement {
  const list = el('ol');
  for (const item of items) {
    const heading = [
      el('strong', {}, item.key),
      el('span', { class: 'src-title' }, item.label),
      item.who ? ` — ${item.who}` : null,
    ];
    if (item.table) {
      // A table is not phrasing content, so it sits beside the button in a card that opens on click too.
      const button = el('button', { type: 'button', class: 'source-open', 'data-testid': item.testid }, ...heading);
      const card = el('div', { class: 'source source-card' }, button, tableRowView(item.table));
      card.addEventListener('click', () => item.open(button));
      list.append(el('li', {}, card));
      continue;
    }
    const button = el(
      'button',
      { type: 'button', class: 'source', 'data-testid': item.testid },
      ...heading,
      el('span', { class: 'src-quote' }, item.snippet),
    );
    button.addEventListener('click', () => item.open(button));
    list.append(el('li', {}, button));
  }
  return el('div', { class: 'sources', role: 'group', 'aria-label': title }, el('h3', {}, title), list);
}

/** Renders a complete answer: text with citation buttons and check badges, notices, and its sources. */
export function renderAnswer(response: ChatResponse, actions: AnswerActions): DocumentFragment {
  const frag = document.createDocumentFragment();
  const citations = response.citations ?? [];
  const checks = response.checks ?? [];
  const byN = new Map(citations.map((c) => [c.n, c]));
  if (response.abstained) frag.append(el('span', { class: 'abstain-label' }, 'Not in the documents'));
  const { paragraphs, unplaced } = segmentAnswer(response.answer, new Set(byN.keys()), checks);
  for (const [i, segments] of paragraphs.entries()) {
    frag.append(paragraph(segments, byN, checks, actions, i === 0 ? response.short?.text : undefined));
  }
  if (unplaced.length) {
    const row = el('div', { class: 'checks' }, 'Checked figures: ');
    for (const i of unplaced) row.append(checkBadge(checks[i]!), ' ');
    frag.append(row);
  }
  if (response.notice) frag.append(el('p', { class: 'notice', role: 'note' }, response.notice));
  if (citations.length) {
    frag.append(
      sourceList(
        'Sources',
        citations.map((c) => ({
          key: `[${c.n}]`,
          label: c.title,
          who: c.speaker,
          snippet: clip(c.quote, 160),
          table: isTableRow(c.table) ? c.table : undefined,
          testid: 'citecheck-source',
          open: (b) => actions.openPassage(citationTarget(c), b),
        })),
      ),
    );
  } else if (response.abstained && response.related?.length) {
    frag.append(
      sourceList(
        'Related passages',
        response.related.map((p, i) => ({
          key: `${i + 1}.`,
          label: p.title,
          who: p.speaker,
          snippet: clip(p.text, 160),
          testid: 'citecheck-related',
          open: (b) => actions.openPassage(relatedTarget(p), b),
        })),
      ),
    );
  }
  return frag;
}
