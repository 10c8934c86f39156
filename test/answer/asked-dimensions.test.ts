import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractShortAnswer, spanCandidates } from '../../src/answer/grounding/short-answer.js';
import { detectSpanType } from '../../src/answer/question/span-type.js';
import { attributeNouns } from '../../src/language/attributes.js';
import { askedDimensions, unitAfter } from '../../src/language/dimensions.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional appliance manual, written for this test. */
const MANUAL = `---
title: "Tovari T5 rice cooker: user manual (fictional)"
---
Fictional document written for testing; the product and its figures are invented.

## Using the cooker
Never fill the inner pot above the top line (1.8 litres). To keep rice warm, press the Warm button twice.
The display shows a clock and the cooker keeps the rice at 65 °C for up to 12 hours.

## Specifications
- Power: 700 W
- Weight of the cooker: 2.4 kg
`;

describe('the dimension a question asks a measure of', () => {
  it('reads "how long" of an act or event as a time, of a thing or place as a length (WordNet)', () => {
    expect(askedDimensions('How long is the ferry ride from Tarn to Oske?')).toEqual(['time']);
    expect(askedDimensions('How long was the trial?')).toEqual(['time']);
    expect(askedDimensions('How long is the cooling-off period?')).toEqual(['time']);
    expect(askedDimensions('How long is the bridge?')).toEqual(['length']);
    expect(askedDimensions('How long is the Tarn river?')).toEqual(['length']);
    expect(askedDimensions('How long were the Normans in Sicily?')).toEqual(['length', 'time']);
  });

  it('reads "how" with an adjective of degree and "what" with a dimension noun', () => {
    expect(askedDimensions('How heavy is the cooker?')).toEqual(['mass']);
    expect(askedDimensions('What is the weight of the cooker?')).toEqual(['mass']);
    expect(askedDimensions('At what temperature does it keep rice warm?')).toEqual(['temperature']);
    expect(askedDimensions('How long does it take?')).toEqual(['time']);
    expect(askedDimensions('How long ago did it open?')).toEqual([]);
    expect(askedDimensions('What does the Warm button do?')).toEqual([]);
    expect(askedDimensions('How much does the spare pot cost?')).toEqual(['money']);
    expect(askedDimensions('What is the fee for a repair?')).toEqual(['money']);
    expect(askedDimensions('How much did spending rise?')).toEqual([]);
    expect(askedDimensions('How large was the loss?')).toContain('money');
    expect(askedDimensions('How high was the fee?')).toEqual([]);
    expect(unitAfter(' °C for up to 12 hours')).toEqual({ word: '°c', dimension: 'temperature' });
    expect(unitAfter(' litres')).toEqual({ word: 'litres', dimension: 'volume' });
  });

  it('asks for a number, not a manner, with "how heavy" or "how warm"', () => {
    expect(detectSpanType('How heavy is the cooker?')).toBe('number');
    expect(detectSpanType('How warm will the rice be?')).toBe('number');
    expect(detectSpanType('What temperature does it keep?')).toBe('number');
    expect(detectSpanType('How does the cooker keep rice warm?')).toBe('reason');
  });

  it('offers no figure of another dimension, and prefers the figure with the asked unit', () => {
    const pot = 'Never fill the inner pot above the top line (1.8 litres).';
    expect(spanCandidates(pot, 'How heavy is the inner pot?', 'number').map((c) => c.text)).not.toContain('1.8');
    expect(extractShortAnswer(pot, 'How heavy is the inner pot?', 'number')).toBeNull();
    expect(extractShortAnswer(pot, 'How much rice fits in the inner pot?', 'number')?.text).toBe('1.8 litres');
    const repairs = 'The fictional depot needs repairs that would cost the council £1.2 million over four years.';
    const cost = spanCandidates(repairs, 'How much do the repairs cost?', 'number').map((c) => c.text);
    expect(cost).toContain('£1.2 million');
    expect(cost).not.toContain('four years');
    expect(spanCandidates(repairs, 'How large is the repair bill?', 'number').map((c) => c.text)).toContain(
      '£1.2 million',
    );
    const weight = '- Weight of the cooker: 2.4 kg';
    expect(extractShortAnswer(weight, 'What is the weight of the cooker?', 'number')?.text).toBe('2.4 kg');
  });
});

describe('answering a measure question from a manual', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'tovari-manual.md': MANUAL });
  });
  afterAll(() => t?.cleanup());

  it('takes the sentence with a figure of the asked dimension', async () => {
    const r = await askChat(t.app, 'At what temperature does the cooker keep rice warm?');
    expect(r.short?.text).toBe('65 °C');
  });
});

/** A fictional island guide, written for this test. */
const GUIDE = `---
title: "Isle of Tarn: getting there (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

Most visitors arrive on the Gullwing ferry from Oske harbour. The crossing takes 50 minutes in calm weather. From May to
September there are four sailings a day.
`;

describe('a measure given by the sentence after the one naming the thing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'tarn-guide.md': GUIDE });
  });
  afterAll(() => t?.cleanup());

  it('takes the next sentence when it gives a figure of the asked dimension and the best gives none', async () => {
    const r = await askChat(t.app, 'How long is the ferry ride from Oske harbour?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('50 minutes');
    expect(r.citations[0]?.quote).toContain('The crossing takes 50 minutes');
  });
});

/** A fictional kettle manual, written for this test. */
const KETTLE = `---
title: "Tovari K1 kettle: user manual (fictional)"
---
Fictional document written for testing; the product and its figures are invented.

Never fill the kettle above the MAX mark (1.7 litres). Do not immerse the kettle in water. Place the kettle on its base
and press the switch.

## Specifications
- Power: 2,200 W
- Weight: 1.1 kg
`;

describe('the noun an adjective measures (WordNet attributes)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'tovari-kettle.md': KETTLE });
  });
  afterAll(() => t?.cleanup());

  it('names the attribute of "how heavy", "how tall", "how deep"', () => {
    expect(attributeNouns('heavy')).toEqual(['weight']);
    expect(attributeNouns('tall')).toContain('height');
    expect(attributeNouns('deep')).toContain('depth');
    expect(attributeNouns('kettle')).toEqual([]);
  });

  it('answers "how heavy" from a specification line that writes the weight without the adjective', async () => {
    const r = await askChat(t.app, 'How heavy is the kettle?');
    expect(r.short?.text).toBe('1.1 kg');
  });
});
