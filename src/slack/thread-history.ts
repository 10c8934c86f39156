import type { HistoryTurn } from '../answer/schema.js';
import { slackToPlain } from './mrkdwn.js';

/** Earlier turns kept as history (the chat API's limit). */
export const MAX_HISTORY_TURNS = 20;
/** Characters kept of one turn (the chat API's limit). */
export const MAX_TURN_CHARS = 8000;

/** The fields of a `conversations.replies` message that history needs. */
export interface ThreadMessage {
  ts?: string | undefined;
  text?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  subtype?: string | undefined;
}

/**
 * Turns a thread's messages into chat history: the messages before `beforeTs`, oldest first; bot
 * messages (including this bot's answers) become `assistant` turns, people's messages `user` turns
 * with the bot's mention removed; joins, edits and empty messages are skipped. Keeps the last
 * {@link MAX_HISTORY_TURNS} turns, each cut to {@link MAX_TURN_CHARS}. Pure.
 */
export function threadHistory(messages: readonly ThreadMessage[], beforeTs: string, botUserId?: string): HistoryTurn[] {
  const before = Number(beforeTs);
  const turns: HistoryTurn[] = [];
  const earlier = messages.filter((m) => m.ts && Number(m.ts) < before).sort((a, b) => Number(a.ts) - Number(b.ts));
  for (const m of earlier) {
    const fromBot =
      Boolean(m.bot_id) || m.subtype === 'bot_message' || (botUserId !== undefined && m.user === botUserId);
    if (!fromBot && (m.subtype || !m.user)) continue;
    const content = slackToPlain(m.text ?? '', botUserId).slice(0, MAX_TURN_CHARS);
    if (content) turns.push({ role: fromBot ? 'assistant' : 'user', content });
  }
  return turns.slice(-MAX_HISTORY_TURNS);
}
