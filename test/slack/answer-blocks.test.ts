import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatResponse, Check, Citation } from '../../src/answer/schema.js';
import {
  buildAnswerMessage,
  checkLine,
  fallbackText,
  shortLine,
  sourceElement,
} from '../../src/slack/answer-blocks.js';
import type { SlackBlock, SlackMessage } from '../../src/slack/block-types.js';
import { splitText } from '../../src/slack/split-text.js';

function citation(n: number, over: Partial<Citation> = {}): Citation {
  return {
    n,
    chunkId: `c${n}`,
    docId: 'doc',
    title: `Report ${n}`,
    section: null,
    speaker: 'Chen Hongna',
    quote: `Quote number ${n} says digital trade grew & changed <a lot>.`,
    start: 0,
    end: 10,
    score: 1,
    ...over,
  };
}

function check(over: Partial<Check> = {}): Check {
  return {
    op: 'growth_rate',
    args: {},
    value: 47.38,
    display: '47.4%',
    formula: '(294.76 - 200) / 200',
    status: 'verified',
    ...over,
  };
}

function response(over: Partial<ChatResponse> = {}): ChatResponse {
  return {
    answer: 'It grew **fast** [1].',
    citations: [citation(1)],
    checks: [check()],
    claims: [],
    abstained: false,
    mode: 'offline',
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
    ...over,
  };
}

function texts(block: SlackBlock): string[] {
  if (block.type === 'section') return [block.text.text];
  if (block.type === 'context') return block.elements.map((e) => e.text);
  return [];
}

function expectWithinLimits(message: SlackMessage) {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(3000);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) {
    if (block.type === 'context') {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(10);
    }
    for (const text of texts(block)) {
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(3000);
    }
  }
}

describe('buildAnswerMessage', () => {
  it('renders the answer as mrkdwn, the sources as context and the checks', () => {
    const message = buildAnswerMessage(response());
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'It grew *fast* [1].' } });
    expect(message.blocks).toContainEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: '[1] Report 1 - Chen Hongna: "Quote number 1 says digital trade grew &amp; changed &lt;a lot&gt;."',
        },
      ],
    });
    expect(message.blocks.at(-1)).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Checks*\n• 47.4% = (294.76 - 200) / 200 verified' },
    });
    expect(message.text).toBe('It grew *fast* [1].');
  });

  it('splits a very long answer and many sources and checks within Slack limits, keeping the sources', () => {
    const paragraph = 'Digital trade grew quickly in the decade to 2020, according to the report [1]. '.repeat(30);
    const long = response({
      answer: Array.from({ length: 120 }, () => paragraph).join('\n\n') + 'x'.repeat(7000),
      citations: Array.from({ length: 37 }, (_, i) =>
        citation(i + 1, { quote: 'q & '.repeat(2000), title: 'T'.repeat(500) }),
      ),
      checks: Array.from({ length: 150 }, (_, i) => check({ display: `${i}%`, claim: 'stated' })),
      notice: 'n'.repeat(5000),
    });
    const message = buildAnswerMessage(long, { question: 'Q'.repeat(4000) });
    expectWithinLimits(message);
    expect(message.blocks).toHaveLength(50);
    const all = message.blocks.flatMap(texts).join('\n');
    expect(all).toContain('[37] ');
    expect(all).toContain('149% = ');
    expect(all).toContain('the answer is too long for Slack and was cut here');
    expect(
      message.blocks.filter((b) => b.type === 'context' && b.elements.some((e) => e.text.startsWith('['))),
    ).toHaveLength(4);
  });

  it('caps the block count even when the sources alone would exceed it', () => {
    const message = buildAnswerMessage(response({ citations: Array.from({ length: 600 }, (_, i) => citation(i + 1)) }));
    expectWithinLimits(message);
    expect(message.blocks.at(-1)).toMatchObject({
      type: 'context',
      elements: [{ text: expect.stringMatching(/more blocks not shown/) }],
    });
  });

  it('says plainly when the documents do not answer, and lists the nearest passages', () => {
    const message = buildAnswerMessage(
      response({
        answer: 'Nothing about unemployment.',
        abstained: true,
        citations: [],
        checks: [],
        related: [
          {
            chunkId: 'c',
            docId: 'd',
            title: 'Report',
            section: null,
            speaker: null,
            text: 'Nearby text.',
            start: 0,
            end: 1,
            score: 0.2,
          },
        ],
      }),
    );
    expectWithinLimits(message);
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: ":grey_question: *The documents don't answer this question.*" },
    });
    expect(message.text).toBe("The documents don't answer this question. Nothing about unemployment.");
    expect(message.blocks.flatMap(texts)).toContain('Report: "Nearby text."');
  });

  it('always has a fallback text, even for an empty answer', () => {
    expect(fallbackText(response({ answer: '', abstained: true, citations: [] }))).toBe(
      "The documents don't answer this question.",
    );
  });
});

describe('line formats', () => {
  it('formats checks', () => {
    expect(checkLine(check())).toBe('47.4% = (294.76 - 200) / 200 verified');
    expect(
      checkLine(check({ status: 'approximate', claim: 'doubled', display: '1.79×', formula: '294.76 / 164.84' })),
    ).toBe('1.79× = 294.76 / 164.84 approximate (stated: doubled)');
    expect(checkLine(check({ status: 'unverified', display: null, formula: null, claim: 'about 12%' }))).toBe(
      '“about 12%” unverified',
    );
  });

  it('formats sources with or without a speaker, shortening long quotes', () => {
    expect(sourceElement(citation(2, { speaker: null, quote: 'Short.' }))).toBe('[2] Report 2: "Short."');
    const long = sourceElement(citation(3, { quote: 'word '.repeat(200) }));
    expect(long.length).toBeLessThan(340);
    expect(long).toMatch(/…"$/);
  });
});

describe('splitText', () => {
  it('prefers paragraph, then sentence boundaries', () => {
    expect(splitText('One. Two.\n\nThree.', 10)).toEqual(['One. Two.', 'Three.']);
    expect(splitText('First sentence here. Second one here.', 25)).toEqual([
      'First sentence here.',
      'Second one here.',
    ]);
    expect(splitText('数字贸易增长。服务贸易翻番。', 8)).toEqual(['数字贸易增长。', '服务贸易翻番。']);
  });

  it('never exceeds the limit and loses no words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 1, max: 60 }), (text, max) => {
        const pieces = splitText(text, max);
        for (const piece of pieces) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(max);
        }
        expect(pieces.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });
});

describe('short answer', () => {
  const short = { text: 'Rollo', citation: 1, start: 0, end: 5 };

  it('shows the short answer first, in bold, as its own section before the answer', () => {
    const message = buildAnswerMessage(response({ answer: 'Rollo founded the guild in 911 [1].', short }), {
      question: 'Who founded the guild?',
    });
    const all = message.blocks.flatMap(texts);
    expect(all[0]).toBe('*Q:* Who founded the guild?');
    expect(all[1]).toBe('*Rollo*');
    expect(all[2]).toContain('Rollo founded the guild in 911 [1].');
    expect(shortLine(response({ short }))).toBe('*Rollo*');
  });

  it('escapes mrkdwn in the span and drops nothing else from the message', () => {
    const message = buildAnswerMessage(response({ short: { text: 'A & B <Co>', citation: 1, start: 0, end: 10 } }));
    expect(message.blocks.flatMap(texts)[0]).toBe('*A &amp; B &lt;Co&gt;*');
    expect(shortLine(response({ short: { text: '*US$12.5 billion*', citation: 1, start: 0, end: 17 } }))).toBe(
      '*US$12.5 billion*',
    );
  });

  it('adds no block without a short answer or when abstaining', () => {
    const plain = buildAnswerMessage(response());
    const withShort = buildAnswerMessage(response({ short }));
    expect(withShort.blocks).toHaveLength(plain.blocks.length + 1);
    expect(shortLine(response({ short, abstained: true }))).toBeUndefined();
    expect(shortLine(response({ short: { ...short, text: '  ' } }))).toBeUndefined();
  });
});
