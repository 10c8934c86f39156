import type { ApiClient, FeedbackBody } from './api.js';
import { el, ICONS, icon } from './dom.js';
import type { ChatResponse } from './types.js';

/** The feedback body for an answer. */
export function feedbackBody(question: string, response: ChatResponse, rating: 'up' | 'down'): FeedbackBody {
  return {
    rating,
    question: question.slice(0, 2000),
    answer: response.answer.slice(0, 20_000),
    citations: response.citations.slice(0, 50).map((c) => ({
      n: c.n,
      docId: c.docId,
      chunkId: c.chunkId,
      title: c.title,
      quote: c.quote.slice(0, 8000),
      start: c.start,
      end: c.end,
    })),
  };
}

/**
 * Thumbs up / down under an answer. A click records the rating at once; a comment box then
 * offers to add a comment to it.
 */
export function feedbackView(api: ApiClient, question: string, response: ChatResponse): HTMLElement {
  const status = el('span', { role: 'status' });
  const up = el(
    'button',
    {
      type: 'button',
      class: 'icon-btn',
      'data-testid': 'citecheck-feedback-up',
      'aria-label': 'Helpful',
      'aria-pressed': 'false',
      title: 'Helpful',
    },
    icon(ICONS.up),
  );
  const down = el(
    'button',
    {
      type: 'button',
      class: 'icon-btn',
      'data-testid': 'citecheck-feedback-down',
      'aria-label': 'Not helpful',
      'aria-pressed': 'false',
      title: 'Not helpful',
    },
    icon(ICONS.down),
  );
  const row = el('div', { class: 'feedback' }, el('span', {}, 'Was this helpful?'), up, down, status);

  const rate = async (rating: 'up' | 'down', button: HTMLButtonElement) => {
    up.disabled = down.disabled = true;
    button.setAttribute('aria-pressed', 'true');
    status.textContent = 'Sending…';
    try {
      const id = await api.sendFeedback(feedbackBody(question, response, rating));
      status.textContent = 'Thanks for the feedback.';
      row.append(commentForm(api, id, status));
    } catch (err) {
      button.setAttribute('aria-pressed', 'false');
      up.disabled = down.disabled = false;
      status.textContent = `Feedback not sent: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  up.addEventListener('click', () => void rate('up', up));
  down.addEventListener('click', () => void rate('down', down));
  return row;
}

function commentForm(api: ApiClient, id: string, status: HTMLElement): HTMLElement {
  const input = el('textarea', {
    rows: 1,
    maxlength: 2000,
    placeholder: 'Add a comment (optional)',
    'aria-label': 'Comment on this answer (optional)',
    'data-testid': 'citecheck-feedback-comment',
  });
  const send = el('button', { type: 'button', class: 'text-btn' }, 'Send');
  const form = el('div', { class: 'comment' }, input, send);
  const submit = async () => {
    const comment = input.value.trim();
    if (!comment) return;
    send.disabled = input.disabled = true;
    try {
      await api.addComment(id, comment);
      form.remove();
      status.textContent = 'Thanks, comment sent.';
    } catch (err) {
      send.disabled = input.disabled = false;
      status.textContent = `Comment not sent: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  send.addEventListener('click', () => void submit());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void submit();
    }
  });
  return form;
}
