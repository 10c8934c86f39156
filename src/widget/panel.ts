import { el, ICONS, icon } from './dom.js';
import type { WidgetOptions } from './options.js';

/** The widget's static elements. */
export interface PanelParts {
  root: HTMLElement;
  launcher: HTMLButtonElement;
  panel: HTMLElement;
  newChat: HTMLButtonElement;
  close: HTMLButtonElement;
  body: HTMLElement;
  log: HTMLElement;
  empty: HTMLElement;
  input: HTMLTextAreaElement;
  send: HTMLButtonElement;
  stop: HTMLButtonElement;
}

/** Builds the launcher and the (hidden) chat panel. */
export function buildPanel(options: WidgetOptions): PanelParts {
  const launcher = el('button', {
    type: 'button',
    class: 'launcher',
    'data-testid': 'citecheck-launcher',
    'aria-label': `Open chat: ${options.title}`,
    'aria-expanded': 'false',
    'aria-controls': 'citecheck-panel',
  });
  launcher.append(icon(ICONS.chat));
  const newChat = el(
    'button',
    {
      type: 'button',
      class: 'icon-btn',
      'data-testid': 'citecheck-new-chat',
      'aria-label': 'New chat',
      title: 'New chat',
    },
    icon(ICONS.plus),
    'New',
  );
  const close = el(
    'button',
    {
      type: 'button',
      class: 'icon-btn',
      'data-testid': 'citecheck-close',
      'aria-label': 'Close chat',
      title: 'Close (Esc)',
    },
    icon(ICONS.close),
  );
  const empty = el(
    'p',
    { class: 'empty' },
    'Ask a question about the documents. Answers quote their sources, and numbers are checked.',
  );
  const log = el(
    'div',
    { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' },
    empty,
  );
  const body = el('div', { class: 'body' }, log);
  const input = el('textarea', {
    rows: 1,
    maxlength: 2000,
    placeholder: 'Ask a question…',
    'aria-label': 'Your question',
    'aria-describedby': 'citecheck-hint',
    'data-testid': 'citecheck-input',
  });
  const send = el(
    'button',
    {
      type: 'submit',
      class: 'primary',
      'data-testid': 'citecheck-send',
      'aria-label': 'Send question',
      title: 'Send (Enter)',
    },
    icon(ICONS.send),
  );
  const stop = el(
    'button',
    {
      type: 'button',
      class: 'primary stop',
      'data-testid': 'citecheck-stop',
      'aria-label': 'Stop the answer',
      title: 'Stop',
      hidden: true,
    },
    icon(ICONS.stop),
  );
  const compose = el('form', { class: 'compose', 'aria-label': 'Ask a question' }, input, send, stop);
  const panel = el(
    'div',
    { class: 'panel', id: 'citecheck-panel', role: 'dialog', 'aria-label': options.title, hidden: true },
    el('div', { class: 'head' }, el('h2', {}, options.title), newChat, close),
    body,
    compose,
    el('p', { class: 'foot', id: 'citecheck-hint' }, 'Enter sends, Shift+Enter adds a line, Esc closes.'),
  );
  const root = el('div', { class: `root ${options.position}` }, launcher, panel);
  root.style.setProperty('--cc-accent', options.accent);
  return { root, launcher, panel, newChat, close, body, log, empty, input, send, stop };
}
