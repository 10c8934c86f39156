import { describe, expect, it } from 'vitest';
import { SPAN_FEATURES } from '../../../src/answer/grounding/span-features.js';
import { parseSquad } from '../../../src/eval/datasets/squad/dataset.js';
import { spanExamples } from '../../../src/eval/fit/span-examples.js';
import { FICTIONAL_SQUAD } from '../squad/fictional-squad.js';

describe('span examples from a SQuAD file', () => {
  const ds = parseSquad(FICTIONAL_SQUAD, 'fictional.json');

  it('gives each answerable span question the candidates of its gold sentence, scored by F1', () => {
    const examples = spanExamples(ds);
    const answerable = ds.questions.filter((q) => !q.impossible).map((q) => q.id);
    expect(examples.length).toBeGreaterThan(0);
    for (const x of examples) {
      expect(answerable).toContain(x.id);
      expect(x.gains).toHaveLength(x.candidates.length);
      for (const g of x.gains) expect(g).toBeGreaterThanOrEqual(0);
      for (const c of x.candidates) expect(Object.keys(c.features).sort()).toEqual([...SPAN_FEATURES].sort());
    }
    const who = examples.find((x) => x.id === 'lv-1')!;
    const best = who.candidates[who.gains.indexOf(Math.max(...who.gains))]!;
    expect(best.text).toBe('Ilsa Brandt');
  });

  it('keeps only the articles asked for', () => {
    const examples = spanExamples(ds, new Set(['Lake_Vorrin']));
    expect(examples.length).toBeGreaterThan(0);
    expect(new Set(examples.map((x) => x.article))).toEqual(new Set(['Lake_Vorrin']));
  });
});
