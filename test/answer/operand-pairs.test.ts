import { describe, expect, it } from 'vitest';
import { type LabelledFigure, labelledPair, partnerOf, perUnitPair } from '../../src/answer/offline/operand-pairs.js';
import { isYearAt } from '../../src/language/years.js';
import { extractClaims, isCheckable } from '../../src/numbers/index.js';

/** Figures of fictional sentences, ranked in the order given. */
function figuresOf(...sentences: string[]): LabelledFigure[] {
  return sentences.flatMap((text, rank) =>
    extractClaims(text, 0)
      .filter(isCheckable)
      .filter((f) => f.unit !== 'year')
      .map((f) => ({ ...f, sentenceText: text, sentenceStart: 0, rank })),
  );
}

describe('labelledPair', () => {
  it('tells two figures apart by the words the question uses for each', () => {
    const figs = figuresOf('Each file can be up to 25 MB on the Basic plan and up to 250 MB on the Pro plan.');
    const pair = labelledPair('How many times larger is the file limit on Pro than on the Basic plan?', figs);
    expect(pair?.map((f) => f.value)).toEqual([25, 250]);
  });

  it('takes the figure the words after "than" name as the base, whatever a shared word beside the other says', () => {
    const figs = figuresOf(
      'The last night crossing carried an average of 14 passengers last year, against 220 on a typical daytime crossing.',
    );
    const pair = labelledPair(
      'How many more passengers does a daytime crossing carry than the last night crossing?',
      figs,
    );
    expect(pair?.map((f) => f.value)).toEqual([14, 220]);
  });

  it('takes as the base the figure nearest a word only the part after "than" uses, when no label holds it', () => {
    const figs = figuresOf(
      'A single cabin on the Nordvik ferry costs 84 kroner a night, and a family cabin 131 kroner a night.',
    );
    const pair = labelledPair('How much more does a family cabin cost than a single cabin?', figs);
    expect(pair?.map((f) => f.value)).toEqual([84, 131]);
    const reversed = labelledPair('How much less does a single cabin cost than a family cabin?', figs);
    expect(reversed?.map((f) => f.value)).toEqual([131, 84]);
  });

  it('does not pair a labelled figure with a neighbour that another year labels', () => {
    const figs = figuresOf(
      'Spring sales reached 18,400 tickets, 2,300 more than the 2015–2020 average.',
      'The previous best, 16,900 tickets, dates from 2021.',
    );
    const pair = labelledPair('By how many tickets did spring sales exceed the previous best?', figs);
    expect(pair?.map((f) => f.value)).toEqual([16900, 18400]);
  });

  it('tells figures of two sentences apart by their subjects when the question’s month tells them not apart', () => {
    const figs = figuresOf(
      'Ferry tickets brought in 8.4 million crowns in March 2025, up 3.1% on a year earlier.',
      'Night crossings accounted for 1.2 million crowns.',
    );
    const pair = labelledPair('What share of the March 2025 ferry ticket income came from night crossings?', figs);
    expect(pair?.map((f) => f.value)).toEqual([8.4, 1.2]);
  });

  it('puts the earlier of the question’s months first, whatever the sentence order', () => {
    const figs = figuresOf('Inflation was 3.4% in February, down from 3.9% in January.');
    const pair = labelledPair('By how many points did inflation fall from January to February?', figs);
    expect(pair?.map((f) => f.value)).toEqual([3.9, 3.4]);
  });

  it('tells May apart too, though "may" is a stop word', () => {
    const figs = figuresOf('Sales were 4.2 million in April and 5.1 million in May.');
    const pair = labelledPair('By how much did sales grow from May to April?', figs);
    expect(pair?.map((f) => f.value)).toEqual([5.1, 4.2]);
  });

  it('pairs a dated figure with the undated one beside it, the dated one as the base year', () => {
    const figs = figuresOf('Profit increased to EUR 118.0 million from EUR 97.4 million in 2022.');
    const pair = labelledPair('By what percentage did profit grow from 2022 to 2023?', figs);
    expect(pair?.map((f) => f.value)).toEqual([97.4, 118]);
  });

  it('takes the figure after 比 as the base of a Chinese comparison, as after "than"', () => {
    const figs = figuresOf('其中，出口812.5亿元，同比增长5.6%；进口473.9亿元，同比下降0.7%。');
    expect(labelledPair('出口比进口多多少？', figs)?.map((f) => f.value)).toEqual([47390, 81250]);
    expect(labelledPair('出口是进口的多少倍？', figs)?.map((f) => f.value)).toEqual([47390, 81250]);
    expect(labelledPair('出口和进口分别是多少？', figs)?.map((f) => f.value)).toEqual([81250, 47390]);
  });

  it('pairs the two figures of a rate by the words either side of "per", the base first', () => {
    const figs = figuresOf('In 38 league matches the team won 20 and lost 9, scoring 64 goals and conceding 30.');
    const found = perUnitPair('On average, how many goals per match did they score?', figs);
    expect(found?.pair.map((f) => f.value)).toEqual([38, 64]);
    expect(found?.unit).toBe('match');
    expect(perUnitPair('How many goals did they score?', figs)).toBeNull();
  });

  it('finds no pair when nothing in the question tells the figures apart', () => {
    const figs = figuresOf('Sales were 40 million and costs were 30 million.');
    expect(labelledPair('What was the ratio?', figs)).toBeNull();
  });
});

describe('isYearAt', () => {
  const at = (text: string, n: string) => isYearAt(text, text.indexOf(n), text.indexOf(n) + n.length, Number(n));
  it('reads 1900–2099 as years, and earlier years only with date wording', () => {
    expect(at('sales of 2023 rose', '2023')).toBe(true);
    expect(at('grew from 3,400 in 1801 to 18,900', '1801')).toBe(true);
    expect(at('the 1840s saw', '1840')).toBe(true);
    expect(at('it powered 1500 mills', '1500')).toBe(false);
    expect(at('up to 2100 units', '2100')).toBe(false);
  });
});

describe('partnerOf', () => {
  const figs = figuresOf(
    'The port’s share of regional freight rose from 31.5% to 38.2% over five years.',
    'The fictional national average share stands at 52.4%.',
  );
  const stated = figs.find((f) => f.value === 38.2)!;

  it('finds the figure a question sets against the one it states, by the question’s words', () => {
    const q = 'How many points below the national average is the port’s 38.2% share?';
    expect(partnerOf(q, stated, figs)?.value).toBe(52.4);
  });

  it('finds none when no other figure carries a word of the question', () => {
    expect(partnerOf('How many points short of the harbour goal is the 38.2% figure?', stated, figs)).toBeNull();
  });
});
