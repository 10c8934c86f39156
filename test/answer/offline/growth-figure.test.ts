import { describe, expect, it } from 'vitest';
import { statedChange, statedGrowth } from '../../../src/answer/offline/growth-figure.js';
import { extractClaims } from '../../../src/numbers/claims/extract.js';

/** The growth stated for the figure written `target` in a (fictional) sentence. */
function growthFor(sentence: string, target: string) {
  const figures = extractClaims(sentence);
  const f = figures.find((x) => x.text === target);
  if (!f) throw new Error(`no figure ${target}`);
  const g = statedGrowth(f, figures, sentence, 0);
  return g && { value: g.value, text: g.figure.text };
}

describe('statedGrowth', () => {
  it('reads a comparative after the percentage as the growth of the figure before it', () => {
    const s =
      'Fees reached $1.2 billion, against $1.1 billion in 2023, and the depot moved 40 million crates, 8% more than a year ago.';
    expect(growthFor(s, '40 million')).toEqual({ value: 8, text: '8%' });
    expect(growthFor(s, '$1.2 billion')).toBeNull();
    expect(growthFor(s, '$1.1 billion')).toBeNull();
  });

  it('reads a rise or fall word before the percentage, and a growth that reaches the figure', () => {
    expect(growthFor('Ferry tickets came to $4.2 million, an increase of 5%.', '$4.2 million')).toEqual({
      value: 5,
      text: '5%',
    });
    expect(growthFor('Orders fell 12% to 3.5 million in the fictional year.', '3.5 million')).toEqual({
      value: -12,
      text: '12%',
    });
    expect(growthFor('Sales were $9 million, down 3% on the year.', '$9 million')).toEqual({ value: -3, text: '3%' });
  });

  it('leaves a share alone', () => {
    expect(growthFor('The north sold $2 million, 40% of the total.', '$2 million')).toBeNull();
  });
});

describe('statedChange', () => {
  const change = (s: string) => {
    const c = statedChange(extractClaims(s), s, 0);
    return c && { value: c.value, text: c.figure.text };
  };

  it('reads the amount right after a rise or fall word as the change, signed', () => {
    expect(
      change('Depot costs decreased $2.2 million from 2023 to 2024, chiefly a $1.7 million fall in rent.'),
    ).toEqual({
      value: -2.2,
      text: '$2.2 million',
    });
    expect(change('There was an increase of about $53.1 million in write-downs.')).toEqual({
      value: 53.1,
      text: '$53.1 million',
    });
  });

  it('takes no level for a change ("rose from X to Y")', () => {
    expect(change('Fees rose from $200 million in 2019 to $295 million in 2024.')).toBeNull();
  });
});
