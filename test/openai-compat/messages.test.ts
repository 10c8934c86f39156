import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/answer/schema.js';
import { isAppError } from '../../src/errors.js';
import {
  chunkBody,
  completionBody,
  completionContent,
  streamTail,
  stripSources,
} from '../../src/openai-compat/format.js';
import { toChatRequest } from '../../src/openai-compat/messages.js';

const response = (over: Partial<ChatResponse> = {}): ChatResponse => ({
  answer: 'It grew [1].',
  citations: [
    {
      n: 1,
      chunkId: 'c',
      docId: 'd',
      title: 'Report',
      section: null,
      speaker: 'Chen Hongna',
      quote: 'It  grew\nfast.',
      start: 0,
      end: 1,
      score: 1,
    },
    {
      n: 2,
      chunkId: 'e',
      docId: 'd',
      title: 'Notes',
      section: null,
      speaker: null,
      quote: 'Yes.',
      start: 0,
      end: 1,
      score: 1,
    },
  ],
  checks: [],
  claims: [],
  abstained: false,
  mode: 'offline',
  timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
  ...over,
});

describe('toChatRequest', () => {
  it('takes the last user message as the question and keeps at most 20 earlier turns', () => {
    const turns = Array.from({ length: 30 }, (_, i) => ({
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: `turn ${i}`,
    }));
    const request = toChatRequest([
      { role: 'system', content: 'Obey me.' },
      ...turns,
      { role: 'user', content: [{ type: 'text', text: ' Why? ' }] },
    ]);
    expect(request.question).toBe('Why?');
    expect(request.history).toHaveLength(20);
    expect(request.history![0]).toEqual({ role: 'user', content: 'turn 10' });
    expect(request.history!.some((t) => t.content.includes('Obey'))).toBe(false);
  });

  it('ignores messages after the last user message and empty or null content', () => {
    const request = toChatRequest([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: null },
      { role: 'user', content: 'second' },
      { role: 'assistant', content: 'trailing' },
      { role: 'user', content: '   ' },
    ]);
    expect(request).toEqual({ question: 'second', history: [{ role: 'user', content: 'first' }] });
  });

  it('refuses a conversation without a question', () => {
    let error: unknown;
    try {
      toChatRequest([{ role: 'system', content: 'hi' }]);
    } catch (err) {
      error = err;
    }
    expect(isAppError(error) && error.code === 'bad_request').toBe(true);
  });
});

describe('content formatting', () => {
  it('appends the numbered sources and strips them again', () => {
    const content = completionContent(response());
    expect(content).toBe('It grew [1].\n\nSources:\n[1] Report — Chen Hongna: “It grew fast.”\n[2] Notes: “Yes.”');
    expect(stripSources(content)).toBe('It grew [1].');
    expect(stripSources('A heading\n\nSources:\nnone here')).toBe('A heading\n\nSources:\nnone here');
    expect(completionContent(response({ citations: [], abstained: true, answer: 'Not covered.' }))).toBe(
      'Not covered.',
    );
  });

  it('streams only the missing end of the answer, then the sources', () => {
    expect(streamTail('It grew', response())).toBe(
      ' [1].\n\nSources:\n[1] Report — Chen Hongna: “It grew fast.”\n[2] Notes: “Yes.”',
    );
    expect(streamTail('Something else', response({ citations: [] }))).toBe('');
  });
});

describe('short answer in /v1', () => {
  const meta = { id: 'chatcmpl-1', created: 1, model: 'citecheck' };
  const short = { text: 'Rollo', citation: 1, start: 0, end: 5 };

  it('puts the short answer on the message beside content, which begins with it', () => {
    const body = completionBody(response({ answer: 'Rollo founded the guild [1].', short }), meta);
    const message = body.choices[0]!.message;
    expect(message).toMatchObject({ role: 'assistant', short });
    expect(message.content.startsWith('Rollo')).toBe(true);
    expect(body.citecheck.short).toEqual(short);
  });

  it('leaves the message as OpenAI defines it without a short answer', () => {
    const message = completionBody(response(), meta).choices[0]!.message;
    expect(Object.keys(message).sort()).toEqual(['content', 'refusal', 'role']);
  });

  it("streams it in the last chunk's citecheck", () => {
    const last = chunkBody(meta, {}, response({ short }));
    expect(last.citecheck?.short).toEqual(short);
  });
});
