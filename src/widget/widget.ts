import { renderAnswer } from './answer-view.js';
import { ApiClient, ApiFailure } from './api.js';
import { el, ICONS, icon } from './dom.js';
import { feedbackView } from './feedback-view.js';
import { ConversationStore } from './history.js';
import type { WidgetOptions } from './options.js';
import { buildPanel, type PanelParts } from './panel.js';
import { PassageView } from './passage-view.js';
import type { ChatResponse, PassageTarget } from './types.js';

type MessageState = 'streaming' | 'done' | 'error' | 'stopped';

/** The chat widget: launcher, panel, streaming conversation, passages and feedback. */
export class ChatWidget {
  private readonly parts: PanelParts;
  private readonly api: ApiClient;
  private readonly store: ConversationStore;
  private readonly passage: PassageView;
  private running: AbortController | undefined;
  private current: Promise<void> | undefined;

  constructor(
    shadow: ShadowRoot,
    private readonly options: WidgetOptions,
  ) {
    this.api = new ApiClient(options.apiBase);
    this.store = new ConversationStore(`citecheck:${options.apiBase}`);
    this.parts = buildPanel(options);
    this.passage = new PassageView(this.api, () => undefined);
    this.parts.body.append(this.passage.element);
    shadow.append(this.parts.root);
    this.wire();
    for (const e of this.store.exchanges) this.finish(this.addMessage(e.question), e.question, e.response);
    if (options.open || this.store.open) this.open(false);
  }

  get isOpen(): boolean {
    return !this.parts.panel.hidden;
  }

  open(focus = true): void {
    const { panel, launcher, root, input } = this.parts;
    panel.hidden = false;
    root.classList.add('open');
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', 'Close chat');
    launcher.replaceChildren(icon(ICONS.close));
    this.store.setOpen(true);
    this.scrollToEnd(true);
    if (focus) input.focus();
  }

  close(): void {
    const { panel, launcher, root } = this.parts;
    if (this.passage.isOpen) this.passage.close();
    panel.hidden = true;
    root.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', `Open chat: ${this.options.title}`);
    launcher.replaceChildren(icon(ICONS.chat));
    this.store.setOpen(false);
    launcher.focus();
  }

  /** Opens the panel and asks `question` (stopping any answer in progress). */
  async ask(question: string): Promise<void> {
    const q = question.trim();
    if (!q) return;
    this.open();
    this.running?.abort();
    await this.current;
    this.parts.input.value = q;
    this.send();
  }

  /** Clears the conversation, here and in sessionStorage. */
  newChat(): void {
    this.running?.abort();
    if (this.passage.isOpen) this.passage.close();
    this.store.clear();
    this.parts.log.replaceChildren(this.parts.empty);
    this.parts.input.focus();
  }

  private wire(): void {
    const { launcher, close, newChat, input, stop, root } = this.parts;
    launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    close.addEventListener('click', () => this.close());
    newChat.addEventListener('click', () => this.newChat());
    stop.addEventListener('click', () => this.running?.abort());
    input.closest('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.send();
      }
    });
    input.addEventListener('input', () => {
      input.style.height = 'auto';
      input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
    });
    root.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      if (this.passage.isOpen) this.passage.close();
      else if (this.isOpen) this.close();
    });
  }

  private send(): void {
    const { input } = this.parts;
    const question = input.value.trim();
    if (!question || this.running) return;
    input.value = '';
    input.style.height = '';
    this.current = this.run(question, this.addMessage(question));
  }

  /** Appends the question and an empty answer; returns the answer element. */
  private addMessage(question: string): HTMLElement {
    this.parts.empty.remove();
    const answer = el('article', { class: 'msg bot', 'data-testid': 'citecheck-message', 'aria-label': 'Answer' });
    this.parts.log.append(el('div', { class: 'msg user', 'aria-label': 'Your question' }, question), answer);
    return answer;
  }

  private setState(message: HTMLElement, state: MessageState): void {
    message.setAttribute('data-state', state);
    message.setAttribute('aria-busy', String(state === 'streaming'));
  }

  private async run(question: string, message: HTMLElement): Promise<void> {
    const controller = new AbortController();
    this.running = controller;
    this.setBusy(true);
    const pending = el('p', { class: 'pending' }, 'Searching the documents…');
    const stream = el('div', { class: 'stream' });
    message.replaceChildren(pending, stream);
    this.setState(message, 'streaming');
    this.scrollToEnd(true);
    try {
      const response = await this.api.streamChat(
        { question, history: this.store.history() },
        {
          onMeta: (passages) =>
            (pending.textContent = `Reading ${passages.length} passage${passages.length === 1 ? '' : 's'}…`),
          onToken: (text) => {
            const stick = this.nearEnd();
            pending.remove();
            stream.append(text);
            this.scrollToEnd(stick);
          },
        },
        controller.signal,
      );
      this.store.add({ question, response });
      this.finish(message, question, response);
    } catch (err) {
      pending.remove();
      const stopped = controller.signal.aborted;
      const text = stopped
        ? 'Stopped.'
        : err instanceof ApiFailure
          ? err.message
          : 'The answer could not be loaded (network error).';
      const retry = el('button', { type: 'button', class: 'text-btn', 'data-testid': 'citecheck-retry' }, 'Retry');
      retry.addEventListener('click', () => {
        if (!this.running) this.current = this.run(question, message);
      });
      message.append(
        el('p', { class: stopped ? 'pending' : 'error', role: stopped ? undefined : 'alert' }, text, ' ', retry),
      );
      this.setState(message, stopped ? 'stopped' : 'error');
    } finally {
      if (this.running === controller) this.running = undefined;
      this.setBusy(false);
    }
  }

  /** Replaces a message's content with the rendered answer and its feedback buttons. */
  private finish(message: HTMLElement, question: string, response: ChatResponse): void {
    const openPassage = (target: PassageTarget, opener: HTMLElement) => void this.passage.open(target, opener);
    message.replaceChildren(renderAnswer(response, { openPassage }), feedbackView(this.api, question, response));
    this.setState(message, 'done');
    const top = ((message.previousElementSibling as HTMLElement | null) ?? message).offsetTop - 8;
    if (message.offsetTop + message.offsetHeight - top > this.parts.log.clientHeight) this.parts.log.scrollTop = top;
    else this.scrollToEnd(true);
  }

  private setBusy(busy: boolean): void {
    const { send, stop, log } = this.parts;
    send.hidden = busy;
    stop.hidden = !busy;
    log.setAttribute('aria-busy', String(busy));
  }

  private nearEnd(): boolean {
    const { log } = this.parts;
    return log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  private scrollToEnd(when: boolean): void {
    if (when) this.parts.log.scrollTop = this.parts.log.scrollHeight;
  }
}
