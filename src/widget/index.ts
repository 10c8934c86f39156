import { readOptions } from './options.js';
import { STYLES } from './styles.js';
import { ChatWidget } from './widget.js';

/** `window.citecheck`: lets the host page drive the widget. */
export interface CitecheckApi {
  open(): void;
  close(): void;
  /** Opens the panel and asks the question. */
  ask(question: string): void;
  newChat(): void;
}

declare global {
  interface Window {
    citecheck?: CitecheckApi;
  }
}

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = STYLES;
    shadow.append(style);
  }
}

function mount(): void {
  if (window.citecheck) return;
  const host = document.createElement('citecheck-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  document.body.append(host);
  const widget = new ChatWidget(shadow, readOptions(script, location.origin));
  window.citecheck = {
    open: () => widget.open(),
    close: () => widget.close(),
    ask: (question) => void widget.ask(String(question)),
    newChat: () => widget.newChat(),
  };
  document.addEventListener('click', (e) => {
    const trigger = e.target instanceof Element ? e.target.closest('[data-citecheck-ask]') : null;
    const question = trigger?.getAttribute('data-citecheck-ask');
    if (!question) return;
    e.preventDefault();
    void widget.ask(question);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();
