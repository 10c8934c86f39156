import type { ChatRequest, HistoryTurn } from '../answer/schema.js';
import { AppError } from '../errors.js';
import { stripSources } from './format.js';
import type { CompletionMessage } from './schema.js';

/** Earlier turns kept as history (the chat API's limit). */
export const MAX_HISTORY_TURNS = 20;
const MAX_QUESTION_CHARS = 2000;
const MAX_TURN_CHARS = 8000;

/** The text of a message: the string, or its text parts joined by newlines. */
export function messageText(message: CompletionMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('\n');
}

/**
 * Maps chat-completion messages onto a citecheck request: the last user message is the question,
 * the user and assistant messages before it are the history (the last {@link MAX_HISTORY_TURNS};
 * the source lists this endpoint appended to earlier answers are removed). System and developer
 * messages are not instructions to citecheck and are dropped. Throws a `bad_request` AppError when
 * there is no question or it is too long. Pure.
 */
export function toChatRequest(messages: readonly CompletionMessage[]): ChatRequest {
  let last = -1;
  for (let i = messages.length - 1; i >= 0 && last < 0; i--) {
    if (messages[i]?.role === 'user' && messageText(messages[i]!).trim()) last = i;
  }
  if (last < 0) throw new AppError('bad_request', 'messages: must include a user message with text (the question)');
  const question = messageText(messages[last]!).trim();
  if (question.length > MAX_QUESTION_CHARS) {
    throw new AppError(
      'bad_request',
      `messages.${last}.content: the question must be at most ${MAX_QUESTION_CHARS} characters`,
    );
  }
  const history: HistoryTurn[] = [];
  for (const message of messages.slice(0, last)) {
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    const text = messageText(message);
    const content = (message.role === 'assistant' ? stripSources(text) : text).trim().slice(0, MAX_TURN_CHARS);
    if (content) history.push({ role: message.role, content });
  }
  return { question, history: history.slice(-MAX_HISTORY_TURNS) };
}
