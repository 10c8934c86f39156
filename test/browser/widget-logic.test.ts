import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConversationStore } from '../../src/widget/history.js';
import { readOptions } from '../../src/widget/options.js';
import { contextRange } from '../../src/widget/passage-view.js';
import { checkFormula, describeCheck, segmentAnswer } from '../../src/widget/segments.js';
import { SseParser } from '../../src/widget/sse.js';
import type { ChatResponse } from '../../src/widget/types.js';

describe('SseParser', () => {
  it('parses events split anywhere, with any line ending', () => {
    const text =
      'event: meta\ndata: {"a":1}\n\n: comment\r\nevent: token\r\ndata: {"text":"x"}\r\n\r\nevent:done\rdata:{}\r\r';
    for (const size of [1, 2, 7, text.length]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      events.push(...parser.flush());
      expect(events).toEqual([
        { event: 'meta', data: '{"a":1}' },
        { event: 'token', data: '{"text":"x"}' },
        { event: 'done', data: '{}' },
      ]);
    }
  });

  it('joins multi-line data and keeps a final event without its blank line', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\ndata:  b\n')).toEqual([]);
    expect(parser.flush()).toEqual([{ event: 'message', data: 'a\n b' }]);
  });
});

describe('segmentAnswer', () => {
  const answer = 'It grew 6.67% a year [1] (computed).\n\nThe passage says 6.7% [1, 2], see [9].\nNext line.';
  it('turns known markers into citations, places badges after their claims and splits paragraphs', () => {
    const { paragraphs, unplaced } = segmentAnswer(answer, new Set([1, 2]), [
      { claim: 'It grew 6.67% a year' },
      { claim: '6.7%' },
      { claim: 'not there' },
      {},
    ]);
    expect(unplaced).toEqual([2, 3]);
    expect(paragraphs).toEqual([
      [
        { kind: 'text', text: 'It grew 6.67% a year' },
        { kind: 'check', index: 0 },
        { kind: 'text', text: ' ' },
        { kind: 'cite', n: 1 },
        { kind: 'text', text: ' (computed).' },
      ],
      [
        { kind: 'text', text: 'The passage says 6.7%' },
        { kind: 'check', index: 1 },
        { kind: 'text', text: ' ' },
        { kind: 'cite', n: 1 },
        { kind: 'cite', n: 2 },
        { kind: 'text', text: ', see [9].' },
        { kind: 'break' },
        { kind: 'text', text: 'Next line.' },
      ],
    ]);
  });

  it('keeps markup as plain text segments', () => {
    const { paragraphs } = segmentAnswer('Says <img src=x onerror="alert(1)"> [1]', new Set([1]), []);
    expect(paragraphs[0]![0]).toEqual({ kind: 'text', text: 'Says <img src=x onerror="alert(1)"> ' });
  });
});

describe('check descriptions', () => {
  it('shows the formula with its result and what the status means', () => {
    const check = {
      status: 'computed' as const,
      formula: '(294.76 / 164.84)^(1/9) - 1',
      display: '6.67%',
      claim: 'about 6.67% a year',
    };
    expect(checkFormula(check)).toBe('(294.76 / 164.84)^(1/9) - 1 = 6.67%');
    expect(describeCheck(check)).toBe(
      'computed: calculated for this answer; formula (294.76 / 164.84)^(1/9) - 1 = 6.67%; claim “about 6.67% a year”',
    );
    expect(describeCheck({ status: 'unverified', formula: null, display: null })).toBe(
      'unverified: no passage or calculation backs this number',
    );
  });
});

describe('contextRange', () => {
  const text = 'Intro sentence here. The quoted sentence sits here. A closing sentence follows.';
  it('widens a quote to the passage that holds it', () => {
    const passages = [{ chunkId: 'a', ordinal: 0, section: null, speaker: null, start: 0, end: text.length }];
    const start = text.indexOf('The quoted');
    expect(contextRange({ text, passages }, start, start + 30)).toEqual([0, text.length]);
  });
  it('falls back to a window snapped to word boundaries', () => {
    const long = `${'word '.repeat(100)}QUOTE${' more'.repeat(100)}`;
    const start = long.indexOf('QUOTE');
    const [from, to] = contextRange({ text: long, passages: [] }, start, start + 5);
    expect(from).toBeLessThan(start);
    expect(to).toBeGreaterThan(start + 5);
    expect(long[from - 1]).toBe(' ');
    expect(long[to]).toBe(' ');
  });
});

describe('readOptions', () => {
  const script = (src: string, dataset: Record<string, string>) => ({ src, dataset }) as unknown as HTMLScriptElement;
  it('takes the API origin from the script src and validates data- attributes', () => {
    expect(
      readOptions(
        script('https://api.example:8443/widget.js?v=1', {
          title: ' Ask us ',
          accent: '#0a7',
          position: 'left',
          open: 'true',
        }),
        'https://host.example',
      ),
    ).toEqual({
      apiBase: 'https://api.example:8443',
      title: 'Ask us',
      accent: '#0a7',
      position: 'left',
      open: true,
    });
    expect(readOptions(script('', { accent: 'red;}</style>', position: 'top' }), 'https://host.example')).toMatchObject(
      {
        apiBase: 'https://host.example',
        title: 'Ask the documents',
        accent: '#0a7a5a',
        position: 'right',
        open: false,
      },
    );
  });
});

describe('ConversationStore', () => {
  afterEach(() => vi.unstubAllGlobals());
  const response = (answer: string) => ({ answer, citations: [], checks: [] }) as unknown as ChatResponse;

  it('persists exchanges in sessionStorage and sends at most 20 turns of history', () => {
    const data = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => data.set(k, v),
    });
    const store = new ConversationStore('k');
    for (let i = 0; i < 12; i++) store.add({ question: `q${i}`, response: response(`a${i}`) });
    store.setOpen(true);
    const again = new ConversationStore('k');
    expect(again.open).toBe(true);
    expect(again.exchanges).toHaveLength(10);
    expect(again.history()).toHaveLength(20);
    expect(again.history()[0]).toEqual({ role: 'user', content: 'q2' });
    again.clear();
    expect(new ConversationStore('k').exchanges).toEqual([]);
  });

  it('keeps history within the server limits: 2000 characters a turn, the latest turns that fit 48 KiB', () => {
    vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => undefined });
    const store = new ConversationStore('k');
    for (let i = 0; i < 10; i++)
      store.add({ question: `问题${i}`.repeat(500), response: response(`答案${i}`.repeat(1000)) });
    const history = store.history();
    expect(history.every((t) => t.content.length <= 2000)).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(history)).length).toBeLessThanOrEqual(48 * 1024);
    expect(history.length).toBeGreaterThan(0);
    expect(history.length % 2).toBe(0);
    expect(history.at(-1)!.content.startsWith('答案9')).toBe(true);
  });

  it('works in memory when storage throws', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    });
    const store = new ConversationStore('k');
    store.add({ question: 'q', response: response('a') });
    expect(store.history()).toEqual([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
    ]);
  });
});
