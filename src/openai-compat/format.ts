import type { ChatResponse } from '../answer/schema.js';
import { MODEL_ID } from './schema.js';

const SOURCES_HEADING = '\n\nSources:\n';

/** Identity of one completion, shared by all its chunks. */
export interface CompletionMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

/** The numbered source list appended to the answer: `\n\nSources:\n[1] title — speaker: “quote”`; empty without citations. Pure. */
export function sourcesSection(response: ChatResponse): string {
  if (!response.citations.length) return '';
  const lines = response.citations.map((c) => {
    const quote = c.quote.replace(/\s+/g, ' ').trim();
    return `[${c.n}] ${c.title}${c.speaker ? ` — ${c.speaker}` : ''}: “${quote}”`;
  });
  return SOURCES_HEADING + lines.join('\n');
}

/** The assistant message content: the answer with its `[n]` markers, then the source list. Pure. */
export function completionContent(response: ChatResponse): string {
  return response.answer + sourcesSection(response);
}

/** Removes a source list appended by {@link completionContent} (for answers sent back as history). Pure. */
export function stripSources(content: string): string {
  const at = content.lastIndexOf(SOURCES_HEADING);
  return at >= 0 && /^\[\d+\] /.test(content.slice(at + SOURCES_HEADING.length)) ? content.slice(0, at) : content;
}

/**
 * A `chat.completion` object carrying the full answer in `citecheck`. Extension: when the answer
 * has a short answer (its leading name, date or figure, `ChatResponse.short`), the message also
 * carries it as `short: {text, citation, start, end}` beside `content`, which already begins
 * with that text; it is absent otherwise. Streams carry it in the last chunk's `citecheck.short`.
 * Pure.
 */
export function completionBody(response: ChatResponse, meta: CompletionMeta) {
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: completionContent(response),
          refusal: null,
          ...(response.short ? { short: response.short } : {}),
        },
        logprobs: null,
        finish_reason: 'stop' as const,
      },
    ],
    citecheck: response,
  };
}

/** One `chat.completion.chunk`; the last one has `finish_reason: 'stop'` and the answer in `citecheck`. Pure. */
export function chunkBody(meta: CompletionMeta, delta: { role?: 'assistant'; content?: string }, final?: ChatResponse) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk' as const,
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: final ? ('stop' as const) : null }],
    ...(final ? { citecheck: final } : {}),
  };
}

/**
 * What still has to be streamed after the answer's tokens: the rest of the final answer when the
 * tokens were a prefix of it (nothing is resent otherwise; `citecheck.answer` is authoritative),
 * then the source list. Pure.
 */
export function streamTail(streamed: string, response: ChatResponse): string {
  const rest = response.answer.startsWith(streamed) ? response.answer.slice(streamed.length) : '';
  return rest + sourcesSection(response);
}

/** The `GET /v1/models` list. Pure. */
export function modelList(created: number) {
  return { object: 'list' as const, data: [modelObject(created)] };
}

/** The one model citecheck offers. Pure. */
export function modelObject(created: number) {
  return { id: MODEL_ID, object: 'model' as const, created, owned_by: 'citecheck' };
}
