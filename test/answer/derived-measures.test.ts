import { describe, expect, it } from 'vitest';
import { derivedMeasure } from '../../src/answer/question/derived-measures.js';

describe('derivedMeasure', () => {
  it('reads a surplus or a deficit as the difference of exports and imports, the one subtracted first', () => {
    expect(derivedMeasure('What was the trade surplus in 2023?')).toMatchObject({
      word: 'trade surplus',
      parts: ['imports', 'exports'],
    });
    expect(derivedMeasure('How big was the deficit?')?.parts).toEqual(['exports', 'imports']);
    expect(derivedMeasure('2023年货物贸易顺差是多少？')?.parts).toEqual(['进口', '出口']);
    expect(derivedMeasure('What were exports in 2023?')).toBeNull();
  });
});
