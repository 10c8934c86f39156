import { describe, expect, it } from 'vitest';
import {
  extractCause,
  extractClause,
  extractCondition,
  extractDefinition,
  extractFrequency,
  extractPurpose,
  meansVerb,
} from '../../src/answer/grounding/clause-answer.js';
import { extractShortAnswer, hasExactSpan } from '../../src/answer/grounding/short-answer.js';
import { asksDefinition, definedTerm } from '../../src/answer/question/definition.js';
import { detectAnswerType } from '../../src/answer/question/question.js';
import { detectSpanType } from '../../src/answer/question/span-type.js';

// Fictional sentences and questions.
describe('clause answers', () => {
  it.each([
    ['What do the ferry operating costs consist of?', 'clause'],
    ['What is included in harbour fees?', 'clause'],
    ['What does the maintenance budget include?', 'clause'],
    ['What is the rise in spare-parts inventory due to?', 'clause'],
    ['What do floating rate deposits comprise of?', 'clause'],
    ['What are segment assets composed of?', 'clause'],
    ['Which products does the range include?', 'thing'],
    ['What is a harbour fee?', 'thing'],
  ])('%s -> %s', (q, type) => expect(detectSpanType(q)).toBe(type));

  it('is the clause after the relation word, verbatim with its offsets', () => {
    const s = 'Operating costs consist of fuel, crew wages and harbour fees.';
    const c = extractClause(s);
    expect(c?.text).toBe('fuel, crew wages and harbour fees');
    expect(s.slice(c!.start, c!.end)).toBe(c!.text);
    expect(extractClause('The rise in inventory was primarily due to a larger order book.')?.text).toBe(
      'a larger order book',
    );
  });

  it('is none without a relation word, or for a clause of one word', () => {
    expect(extractClause('Operating costs rose by 4% in the year.')).toBeNull();
    expect(extractClause('The total includes fuel.')).toBeNull();
  });

  it('is what a clause question gets as its short answer', () => {
    const span = extractShortAnswer(
      'Harbour fees include berth charges, pilotage and waste collection.',
      'What is included in harbour fees?',
      'clause',
    );
    expect(span?.text).toBe('berth charges, pilotage and waste collection');
  });
});

describe('definition answers', () => {
  it('read the term a definition question asks about, and only such questions', () => {
    expect(definedTerm('What is berth occupancy?')).toBe('berth occupancy');
    expect(definedTerm('What does pilotage mean?')).toBe('pilotage');
    expect(definedTerm('What is the name of the pilot?')).toBeNull();
    expect(definedTerm('What is the capital of the province?')).toBeNull();
    expect(definedTerm('What is the definition of the term "berth occupancy"?')).toBe('berth occupancy');
    expect(definedTerm('How were pilot boats defined as?')).toBe('pilot boats');
  });

  it('tell a definition question from a lookup of the same words', () => {
    for (const q of [
      'What is berth occupancy?',
      'What is a pilot boat?',
      'What does pilotage mean?',
      'What is meant by berth occupancy?',
      'What is the meaning of pilotage?',
      'How is berth occupancy defined?',
      'How are pilot boats defined as?',
    ])
      expect(asksDefinition(q), q).toBe(true);
    for (const q of [
      'What is the berth occupancy?',
      'What was berth occupancy in 2019?',
      "What is the port's revenue?",
    ])
      expect(asksDefinition(q), q).toBe(false);
  });

  it('give the clause after the defined term and its verb, as the short answer', () => {
    const s = 'Berth occupancy represents the share of hours a berth is taken by a moored vessel.';
    expect(extractDefinition(s, 'berth occupancy')?.text).toBe(
      'the share of hours a berth is taken by a moored vessel',
    );
    expect(extractShortAnswer(s, 'What is berth occupancy?', 'thing')?.text).toBe(
      'the share of hours a berth is taken by a moored vessel',
    );
    expect(extractDefinition('Berth occupancy rose to 71% in the year.', 'berth occupancy')).toBeNull();
  });

  it('give the clause a sentence names the term after, and not what it says the term undergoes', () => {
    const named = 'The excess of the price over the fair value of the quay was recorded as goodwill.';
    expect(extractDefinition(named, 'goodwill')?.text).toBe('The excess of the price over the fair value of the quay');
    expect(extractDefinition('Goodwill is tested for impairment every year.', 'goodwill')).toBeNull();
    expect(extractDefinition('Goodwill is defined as the excess of the price.', 'goodwill')?.text).toBe(
      'the excess of the price',
    );
  });

  it('answer "how is X defined" with the definition, not a means', () => {
    const s = 'Pilot boats are defined as vessels that carry a licensed pilot to a ship at anchor.';
    expect(
      extractShortAnswer(s, 'How are pilot boats defined?', detectSpanType('How are pilot boats defined?'))?.text,
    ).toBe('vessels that carry a licensed pilot to a ship at anchor');
  });

  it('make a definition question ask for a description, not a figure', () => {
    expect(detectAnswerType('What is aggregate berth value?')).toBe('general');
    expect(detectAnswerType('What is the aggregate berth value in 2019?')).toBe('quantity');
  });
});

describe('cause answers', () => {
  it("give a why question the cited sentence's cause clause, opening with its cause words", () => {
    const s = 'Ferry revenue fell in 2021, primarily due to the closure of the northern terminal.';
    expect(extractCause(s)?.text).toBe('primarily due to the closure of the northern terminal');
    expect(extractShortAnswer(s, 'Why did ferry revenue fall in 2021?', 'reason')?.text).toBe(
      'primarily due to the closure of the northern terminal',
    );
    expect(extractCause('Margins narrowed as a result of higher fuel prices.')?.text).toBe(
      'as a result of higher fuel prices',
    );
  });

  it('give a purpose without its "in order to"', () => {
    expect(extractCause('The pier was widened in order to berth larger ferries.')?.text).toBe('berth larger ferries');
    expect(extractCause('The pier was widened mainly in order to berth larger ferries.')?.text).toBe(
      'berth larger ferries',
    );
  });

  it('give none for how questions or a sentence that states no cause', () => {
    const s = 'Ferry revenue fell in 2021 because the northern terminal closed for repairs.';
    expect(extractShortAnswer(s, 'How did the closure affect revenue?', 'reason')).toBeNull();
    expect(extractShortAnswer('Ferry revenue fell in 2021.', 'Why did ferry revenue fall?', 'reason')).toBeNull();
  });
});

describe('date answers', () => {
  it('take a range of years the tagger reads as a duration', () => {
    const s = 'The harbour was rebuilt in stages from 1562 to 1598, after the great storm.';
    expect(extractShortAnswer(s, 'When was the harbour rebuilt?', 'date')?.text).toBe('1562 to 1598');
  });
});

describe('number answers keep their currency', () => {
  const q = 'What is the amount of deposits held as collateral at the year end?';
  it.each([
    ['Deposits of £3.5 million were held as collateral at the year end.', '£3.5 million'],
    ['Deposits of RMB 3.5 million were held as collateral at the year end.', 'RMB 3.5 million'],
    ['Deposits of HK$2 million were held as collateral at the year end.', 'HK$2 million'],
    ['Deposits of 3,500 yuan were held as collateral at the year end.', '3,500 yuan'],
  ])('%s', (sentence, want) => expect(extractShortAnswer(sentence, q, 'number')?.text).toBe(want));
});

describe('means answers', () => {
  it('read the participle of a "how is X <participle>?" question, and only of such questions', () => {
    expect(meansVerb('How is the berth fee determined?')).toBe('determined');
    expect(meansVerb('How were the pilots chosen?')).toBe('chosen');
    expect(meansVerb('How is the harbour?')).toBeNull();
    expect(meansVerb('Why is the berth fee determined yearly?')).toBeNull();
  });

  it('give the "by" clause after that participle as the short answer', () => {
    const s = 'For cargo ships, the berth fee is determined mainly by the length of the vessel.';
    const q = 'How is the berth fee determined?';
    const span = extractShortAnswer(s, q, 'reason');
    expect(span?.text).toBe('by the length of the vessel');
    expect(s.slice(span!.start, span!.end)).toBe(span!.text);
    expect(extractShortAnswer('The berth fee is set each year.', q, 'reason')).toBeNull();
  });

  it('find the verb in any form, past its object in the active voice, but not past a comma', () => {
    const q = 'How is the berth fee calculated?';
    const active = 'The port calculates the berth fee by multiplying the length of the vessel by a daily rate.';
    expect(extractShortAnswer(active, q, 'reason')?.text).toBe(
      'by multiplying the length of the vessel by a daily rate',
    );
    const apart = 'The port calculates the berth fee each season, and tugs are paid by the hour.';
    expect(extractShortAnswer(apart, q, 'reason')).toBeNull();
  });
});

describe('purpose answers', () => {
  it('give a why question the infinitive of purpose when the sentence states no cause', () => {
    const s = 'Where practical, the swaps are spread over several banks to limit exposure to any one of them.';
    const span = extractShortAnswer(s, 'Why are the swaps spread over several banks?', 'reason');
    expect(span?.text).toBe('to limit exposure to any one of them');
    expect(s.slice(span!.start, span!.end)).toBe(span!.text);
  });

  it('take no "to" that belongs to a phrase or comes before a figure', () => {
    expect(extractPurpose('Fees rose to $4 million, owing chiefly to new berths.')).toBeNull();
    expect(extractPurpose('The rise was related to higher tariffs.')).toBeNull();
  });

  it('take no infinitive that is what a verb decided or agreed, but the purpose of a passive', () => {
    expect(extractPurpose('In May the board decided to close the Orrin depot.')).toBeNull();
    expect(extractPurpose('The two councils agreed to share a single waste contract.')).toBeNull();
    expect(extractPurpose('A second pump is used to keep the pressure steady.')?.text).toBe(
      'to keep the pressure steady',
    );
  });
});

describe('frequency answers', () => {
  it.each([
    ['The assumptions are reviewed on an annual basis.', 'an annual basis'],
    ['Officers are elected annually by the board.', 'annually'],
    ['The fund is rebalanced twice a year.', 'twice a year'],
    ['The tariff is reset every three years.', 'every three years'],
  ])('%s', (sentence, want) =>
    expect(extractShortAnswer(sentence, 'How often is it done?', 'number')?.text).toBe(want),
  );

  it('leave other questions to the usual spans', () => {
    expect(extractFrequency('Revenue was $5 million.')).toBeNull();
    expect(
      extractShortAnswer('Officers are elected annually by the board.', 'Who elects officers?', 'person')?.text,
    ).toBe('board');
  });
});

describe('condition answers to "when" questions about a standing rule', () => {
  it('takes the condition a sentence states, to its end or to the comma closing an opening condition', () => {
    const rule =
      'Goodwill is considered impaired if the carrying value of its unit is greater than its recoverable amount.';
    expect(extractCondition(rule)?.text).toBe(
      'if the carrying value of its unit is greater than its recoverable amount',
    );
    const opening = 'If a refund is due, it is paid within 14 days.';
    expect(extractCondition(opening)).toMatchObject({ text: 'If a refund is due', start: 0 });
    expect(extractCondition('Refunds are paid within 14 days.')).toBeNull();
  });

  it('answers a present-tense "when" with a date if the sentence has one, else a frequency or a condition', () => {
    const q = 'When is goodwill considered impaired?';
    const rule =
      'Goodwill is considered impaired if the carrying value of its unit is greater than its recoverable amount.';
    expect(extractShortAnswer(rule, q, detectSpanType(q))?.text).toMatch(/^if the carrying value/u);
    expect(hasExactSpan(rule, q, 'date')).toBe(true);
    const tested = 'Goodwill is tested for impairment annually.';
    expect(extractShortAnswer(tested, 'When is goodwill tested?', 'date')?.text).toBe('annually');
    const dated = 'Goodwill is tested on 30 June, or earlier if there is an indication of impairment.';
    expect(extractShortAnswer(dated, 'When is goodwill tested?', 'date')?.text).toBe('30 June');
    const past = 'The plant was closed if demand fell.';
    expect(hasExactSpan(past, 'When was the plant closed?', 'date')).toBe(false);
  });
});
