import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EchoGuard } from '../../../src/answer/llm/echo-guard.js';
import { defaultPrompts, renderTemplate } from '../../../src/answer/llm/prompts.js';

const PROMPT = renderTemplate(await defaultPrompts.load('system'), {
  search_tool: 'search_documents',
  calculator_ops: 'cagr, growth_rate',
  abstain_phrase: 'The documents do not cover',
});
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Runs of six prompt words, as the guard sees them. */
const RUNS = (() => {
  const own = words(PROMPT.replace(/"[^"\n]*"/g, ' '));
  return new Set(own.slice(0, -5).map((_, i) => own.slice(i, i + 6).join(' ')));
})();
const hasRun = (text: string) => {
  const w = words(text);
  for (let i = 0; i + 6 <= w.length; i++) if (RUNS.has(w.slice(i, i + 6).join(' '))) return true;
  return false;
};

/** Feeds `text` in pieces cut at `cuts` and returns what was emitted, piece by piece. */
function feed(text: string, cuts: number[]): { out: string[]; guard: EchoGuard } {
  const out: string[] = [];
  const guard = new EchoGuard(PROMPT, (t) => out.push(t));
  let last = 0;
  for (const at of [...new Set(cuts)].sort((a, b) => a - b)) {
    guard.push(text.slice(last, at));
    last = at;
  }
  guard.push(text.slice(last));
  guard.end();
  return { out, guard };
}

const cuts = (text: string) => fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 40 });

describe('EchoGuard', () => {
  it('streams ordinary answers at once and loses nothing', () => {
    const out: string[] = [];
    const guard = new EchoGuard(PROMPT, (t) => out.push(t));
    guard.push('Digit');
    expect(out).toEqual(['Digit']);
    guard.push('al trade grew 47.38% [1].');
    guard.end();
    expect(out.join('')).toBe('Digital trade grew 47.38% [1].');
    expect(guard.tripped).toBe(false);
  });

  it('never emits six consecutive words of the prompt, however the text is split', () => {
    const leak = fc.tuple(
      fc.constantFrom('', 'Sure. ', 'Here are my rules: '),
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 40, max: 400 }),
    );
    fc.assert(
      fc.property(
        leak.chain(([lead, from, len]) => {
          const text = `${lead}${PROMPT.slice(from, from + len)}`;
          return fc.tuple(fc.constant(text), cuts(text));
        }),
        ([text, at]) => {
          const { out, guard } = feed(text, at);
          const emitted = out.join('');
          expect(hasRun(emitted), emitted).toBe(false);
          if (hasRun(text)) expect(guard.tripped).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes any text that does not repeat the prompt unchanged', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.lorem({ maxCount: 40 }),
      fc.constantFrom(
        'You are right: the passages say digital trade grew [1].',
        'Use the calculator: (294.76 / 164.84)^(1/9) - 1 = 6.67% [2].',
      ),
    );
    fc.assert(
      fc.property(
        text.chain((t) => fc.tuple(fc.constant(t), cuts(t))),
        ([t, at]) => {
          fc.pre(!hasRun(t));
          expect(feed(t, at).out.join('')).toBe(t);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('drops held-back text on reset', () => {
    const out: string[] = [];
    const guard = new EchoGuard(PROMPT, (t) => out.push(t));
    guard.push('Calling a tool. You are citecheck, an');
    guard.reset();
    guard.push('The answer [1].');
    guard.end();
    expect(out.join('')).toBe('Calling a tool. The answer [1].');
  });
});
