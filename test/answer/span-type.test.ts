import { describe, expect, it } from 'vitest';
import { focusNoun } from '../../src/answer/grounding/question-words.js';
import { directed, extractShortAnswer, spanCandidates } from '../../src/answer/grounding/short-answer.js';
import { asksMeasureLookup, detectSpanType, followUpSpanType } from '../../src/answer/question/span-type.js';
import { tagText } from '../../src/language/tagger.js';

describe('detectSpanType', () => {
  it.each([
    ['Who designed the new bridge?', 'person'],
    ['Which company bought the mill?', 'person'],
    ['Which harbour board official opened the new quay?', 'person'],
    ['What architect rebuilt the chapel?', 'person'],
    ['Which harbour board report described the quay?', 'thing'],
    ['When did the fire start?', 'date'],
    ['In what year was the quay built?', 'date'],
    ['Who was mayor when the bridge opened?', 'person'],
    ['When the tide is low, which channel do ships use?', 'thing'],
    ['When the council met, who spoke first?', 'person'],
    ['When was the quay rebuilt, and by whom?', 'date'],
    ['In the mill, what does the grain turn into when ground?', 'thing'],
    ['The chapel stood near what modern day town?', 'thing'],
    ['What day of the week was the market held?', 'date'],
    ['Where was the treaty signed?', 'place'],
    ['In which city did she study?', 'place'],
    ['How many workers joined the strike?', 'number'],
    ['What percentage of sales came from exports?', 'number'],
    ['What operating margin did the ferry service reach in 2019?', 'number'],
    ['What material was the hall rebuilt in?', 'thing'],
    ['What was the ferry licence revenue in 2019?', 'number'],
    ['What was the ferry’s operating margin a year earlier?', 'number'],
    ['What were the mill’s repair costs for the year?', 'number'],
    ['What is the population of the valley?', 'number'],
    ['What was the cause of the loss?', 'thing'],
    ['What is the income statement?', 'thing'],
    ['Why did the town grow?', 'reason'],
    ['What caused the flood of the lower town?', 'reason'],
    ['What led to the strike at the mill?', 'reason'],
    ['How does the pump keep the mine dry?', 'reason'],
    ['Quote me the passage where the mayor talks about taxes', null],
    ['Where does the port rank among its rivals?', null],
    ['Is the lamp waterproof?', null],
    ['What do capital leases at the harbour reflect?', 'thing'],
    ['What did workers at the mill demand?', 'thing'],
    ['What are total segment assets composed of?', 'clause'],
    ['What was the increase in ferry revenue due to?', 'clause'],
    ['What was the increase in the write-down in 2018?', 'number'],
    ['What was the decline in ticket sales for the year?', 'number'],
    ['What are the factors behind the growth of the town?', 'thing'],
  ])('%s -> %s', (q, type) => expect(detectSpanType(q)).toBe(type));
});

describe('extractShortAnswer', () => {
  const s =
    'In 1788 a fire destroyed the old market hall, and the architect Elena Marsh rebuilt it in brick for 2,300 guilders.';
  it.each([
    ['When did a fire destroy the old market hall?', 'date', '1788'],
    ['Who rebuilt the market hall?', 'person', 'Elena Marsh'],
    ['How much did rebuilding the hall cost?', 'number', '2,300 guilders'],
  ] as const)('%s', (q, type, want) => {
    const span = extractShortAnswer(s, q, type);
    expect(span?.text).toBe(want);
    expect(s.slice(span!.start, span!.end)).toBe(span!.text);
    expect(span!.exact).toBe(true);
  });

  it('does not take the question’s words after "other" as its own ("all other orders")', () => {
    const sentence = 'Orders placed in the north are shipped from Tarrow and all other orders from Bellmere.';
    expect(extractShortAnswer(sentence, 'Where are orders placed in the north shipped from?', 'place')?.text).toBe(
      'Tarrow',
    );
  });

  it('reads the noun a name modifies as what the question asks for ("what Harwick company")', () => {
    const sentence = 'The Marrow Canal Company, founded by Edith Lorne, carried coal from Harwick.';
    expect(extractShortAnswer(sentence, 'What Harwick company carried the coal?', 'person')?.text).toBe(
      'Marrow Canal Company',
    );
    const tokens = (q: string) => tagText(q).tokens;
    expect(focusNoun(tokens('What Swiss city was the centre of the movement?'))).toBe('city');
    expect(focusNoun(tokens('Which branch library is closing?'))).toBe('branch');
  });

  it('takes what a list joins to the thing an "along with" question names', () => {
    const sentence =
      'During the Long Frost the Marrow Canal carried coal, grain and lime between Pellcastle and the coast.';
    const q = 'Along with coal and grain, what cargo did the Marrow Canal carry?';
    expect(extractShortAnswer(sentence, q, 'thing')?.text).toBe('lime');
    const glass = 'The Vennish glassworks of Ostrevay made bottles and window panes for the northern provinces.';
    expect(extractShortAnswer(glass, 'Besides bottles, what did the Ostrevay glassworks make?', 'thing')?.text).toBe(
      'window panes',
    );
  });

  it('takes a score or range written with a tight dash as one span ("4–2")', () => {
    const sentence = 'Tarrow Rovers beat Bellmere 4–2 in the cup final at Quay Park.';
    expect(extractShortAnswer(sentence, 'What was the score in the cup final?', 'number')?.text).toBe('4–2');
  });

  it('never returns words the question already has', () => {
    const span = extractShortAnswer('Elena Marsh rebuilt the hall.', 'What did Elena Marsh rebuild?', 'thing');
    expect(span?.text).toBe('hall');
  });

  it('keeps the last word of a name although the question asks with it ("which county")', () => {
    const sentence = 'The abbey stands on a hill in Weldon County, above the river.';
    expect(extractShortAnswer(sentence, 'Which county is the abbey in?', 'place')?.text).toBe('Weldon County');
    expect(
      extractShortAnswer('The abbey stands in the county of Weldon.', 'Which county is the abbey in?', 'place')?.text,
    ).toBe('Weldon');
    const listed = 'Its shares have traded on the Corvel Growth Market under the symbol “CRV” since 2011.';
    expect(extractShortAnswer(listed, 'Which market are its shares traded on?', 'thing')?.text).toBe(
      'Corvel Growth Market',
    );
  });

  it('gives nothing for reasons, and nothing of the wrong kind for dates', () => {
    expect(extractShortAnswer(s, 'Why was the hall rebuilt?', 'reason')).toBeNull();
    expect(
      extractShortAnswer('The hall was rebuilt in brick by Elena Marsh.', 'When was the hall rebuilt?', 'date'),
    ).toBeNull();
  });
});

describe('spanCandidates', () => {
  const texts = (sentence: string, q: string, type: Parameters<typeof spanCandidates>[2]) =>
    spanCandidates(sentence, q, type).map((c) => c.text);

  it('reads a past participle after an article or possessive as part of the noun phrase', () => {
    const s = 'The fictional Orrin works was known for its pressed glass tableware.';
    expect(texts(s, 'What was the Orrin works known for?', 'thing')).toContain('pressed glass tableware');
    const verb = 'The fictional mill owners sold their goods and the buyers shipped cloth abroad.';
    expect(texts(verb, 'What did the buyers ship?', 'thing')).not.toContain('shipped cloth');
  });

  it('offers a number alone and with the unit after it, once each', () => {
    const got = texts('The old mill had four wheels and ten looms.', 'How many wheels did the mill have?', 'number');
    expect(got).toContain('four');
    expect(got).toContain('ten');
    expect(got).toContain('ten looms');
    expect(got.filter((t) => t === 'four')).toHaveLength(1);
  });

  it('takes the amount whose "of" phrase names what the question asks about, not the one beside its word', () => {
    const sentence = 'This loaf uses 500 g of strong white flour, 10 g of salt and 7 g of dried yeast.';
    const rareFlour = (t: string) => (t === 'flour' ? 3 : 1);
    expect(extractShortAnswer(sentence, 'How much flour does the loaf need?', 'number', rareFlour)?.text).toBe('500 g');
    expect(extractShortAnswer(sentence, 'How much salt does the loaf need?', 'number')?.text).toBe('10 g');
  });

  it('reads clock times the tagger leaves bare numbers as times, and two joined by "to" as one span', () => {
    const hours = 'The helpdesk is staffed from 9:00 to 17:30 on weekdays, with 2.50 euros per call.';
    expect(extractShortAnswer(hours, 'When is the helpdesk staffed?', 'date')?.text).toBe('9:00 to 17:30');
    expect(texts(hours, 'How much is a call?', 'date')).not.toContain('2.50');
  });

  it('keeps a unit the tagger takes for a name, and a unit after its modifier', () => {
    const plan = 'The Basic plan keeps up to 5 boards with 800 MB of storage, and replies come within 3 working days.';
    expect(extractShortAnswer(plan, 'How much storage does the Basic plan include?', 'number')?.text).toBe('800 MB');
    expect(extractShortAnswer(plan, 'How long do replies take?', 'number')?.text).toBe('3 working days');
  });

  it('answers "how many" with the number written before the noun it counts', () => {
    const plan = 'The Basic plan keeps up to 5 boards with 800 MB of storage.';
    expect(extractShortAnswer(plan, 'How many boards does the Basic plan allow?', 'number')?.text).toBe('5');
  });

  it('keeps the unit when the figure a label names replaces the chosen one', () => {
    const sizes = 'Each upload can be up to 30 MB on the Basic plan and up to 300 MB on the Pro plan.';
    expect(extractShortAnswer(sizes, 'How big can an upload be on the Pro plan?', 'number')?.text).toBe('300 MB');
  });

  it('takes a tally written "by 13 votes to 8" as one span, but not for a count or a change to a level', () => {
    const vote = 'The motion to close the depot was carried by 11 votes to 7 after a long debate.';
    expect(extractShortAnswer(vote, 'What was the vote on the depot motion?', 'number')?.text).toBe('11 votes to 7');
    expect(texts(vote, 'How many votes did the depot motion get?', 'number')).not.toContain('11 votes to 7');
    const change = 'Turnout rose by 12 points to 40 in the second round.';
    expect(texts(change, 'What was the turnout in the second round?', 'number')).not.toContain('12 points to 40');
  });

  it('answers a count with a count, not with a percentage of the things counted', () => {
    const sentence =
      'The club had 1,240 members at the end of 2024, up from 1,180 a year earlier; 62% of the members live in the town.';
    const count = 'How many members did the club have at the end of 2024?';
    expect(extractShortAnswer(sentence, count, 'number')?.text).toBe('1,240');
    const [percent] = spanCandidates(sentence, count, 'number').filter((c) => c.text === '62%');
    expect(percent?.features.percentForCount).toBe(1);
    expect(percent?.features.ofAsked).toBe(0);
    const share = spanCandidates(sentence, 'What share of the members live in the town?', 'number');
    expect(share.find((c) => c.text === '62%')?.features.percentForCount).toBe(0);
  });

  it('answers a count with no amount of money, unless it counts money', () => {
    const s = 'The fictional Arden Prize of £3,000 is awarded in the first year to two students.';
    expect(texts(s, 'How many Arden Prizes are awarded each year?', 'number')).not.toContain('£3,000');
    expect(texts(s, 'How many pounds is the Arden Prize worth?', 'number')).toContain('£3,000');
  });

  it('keeps a day written before "and" or "to" with the date after it ("26 and 27 March 2025")', () => {
    expect(texts('**Hearings:** 26 and 27 March 2025', 'When are the hearings?', 'date')).toContain(
      '26 and 27 March 2025',
    );
    expect(
      extractShortAnswer('The fictional fair runs from 12 to 14 July 2025.', 'When does the fair run?', 'date')?.text,
    ).toBe('12 to 14 July 2025');
  });

  it('takes no month of a date for a name ("September" of "In September 2023")', () => {
    const s = 'In September 2023 a fictional filter unit came into service at the Marrow reservoir.';
    expect(texts(s, 'Where did the filter unit come into service?', 'place')).not.toContain('September');
    expect(texts(s, 'When did the filter unit come into service?', 'date')).toContain('September 2023');
  });

  it('takes the figure of the year asked, not the one it is set against', () => {
    const s =
      'The average time a caller waited at the fictional clinic fell to 14.5 minutes in 2023 from 19.2 minutes in 2022.';
    const q = 'How long did a caller wait at the clinic on average in 2023?';
    const year = (text: string) => spanCandidates(s, q, 'number').find((c) => c.text === text)?.features.otherYear;
    expect(year('19.2 minutes')).toBe(1);
    expect(year('14.5 minutes')).toBe(0);
    expect(extractShortAnswer(s, q, 'number')?.text).toBe('14.5 minutes');
  });

  it('matches the question’s verb by its stem where the tagger gives another lemma ("voting" for "voted")', () => {
    const s = 'Six in favour, one against, the fictional member Lucian Pellow voting against, no abstentions.';
    const c = spanCandidates(s, 'Who voted against the motion?', 'person').find((x) => x.text === 'Lucian Pellow');
    expect(c?.features.beforeSubjectVerb).toBe(1);
  });

  it('reads the word after "who" as the verb the tagger took for a plural noun ("who chairs the …")', () => {
    const sentence =
      "Today I'm with Wenna Borrow, who chairs the Friends of Kelby Park, and Tobias Frane from the council.";
    expect(extractShortAnswer(sentence, 'Who chairs the Friends of Kelby Park?', 'person')?.text).toBe('Wenna Borrow');
  });

  it('takes clock times and days the tagger calls durations for when, not how long', () => {
    const sentence = 'The pool opens Monday to Friday from 7 am to 9 pm, and Saturday from 8 am to noon.';
    const exact = spanCandidates(sentence, 'When does the pool open on Saturday?', 'date')
      .filter((c) => c.exact)
      .map((c) => c.text);
    expect(exact).toContain('7 am to 9 pm');
    expect(exact).toContain('8 am to noon');
  });

  it('gives no short answer to a "how much" or "when" question from a span of another kind', () => {
    const sentence = "Today I'm with Wenna Borrow, who chairs the Friends of Kelby Park.";
    expect(extractShortAnswer(sentence, 'How much did the Friends of Kelby Park raise?', 'number')).toBeNull();
    expect(
      extractShortAnswer('The Friends of Kelby Park raised £18,000.', 'How much did they raise?', 'number')?.text,
    ).toBe('£18,000');
  });

  it('keeps pence written against the amount ("8.5p")', () => {
    const sentence = 'The board proposes a final dividend of 8.5p per share.';
    expect(extractShortAnswer(sentence, 'What final dividend does the board propose?', 'number')?.text).toBe('8.5p');
  });

  it('keeps a temperature with its degree sign and scale, and takes no scale letter for a name', () => {
    const q = 'At what temperature is the loaf baked?';
    expect(texts('Bake at 220 °C for 35 minutes.', q, 'number')).toContain('220 °C');
    expect(texts('Bake at 220 °C for 35 minutes.', q, 'thing')).not.toContain('C');
    expect(extractShortAnswer('Bake at 220 °C for 35 minutes.', q, detectSpanType(q))?.text).toBe('220 °C');
  });

  it('keeps a scale with its number ("£59.1m", "3 billion") and not a word after a space', () => {
    const got = texts('Exposure was £59.1m, against $3 billion of loans.', 'What was the exposure?', 'number');
    expect(got).toContain('£59.1m');
    expect(got).toContain('$3 billion');
    expect(got).not.toContain('£59.1');
    const coded = texts(
      'The share price was INR19 at the year end, and ZAR 42 a year earlier.',
      'What was the share price?',
      'number',
    );
    expect(coded).toContain('INR19');
    expect(coded).toContain('ZAR 42');
  });

  it('offers a phrase cut short of a head noun the question has both without and with it', () => {
    const got = texts(
      'Such algorithms are called randomized algorithms by most authors.',
      'What are algorithms using random bits called?',
      'thing',
    );
    expect(got).toContain('randomized');
    expect(got).toContain('randomized algorithms');
  });

  it('offers two candidates of one kind joined by "and" or "or" as one more', () => {
    const got = texts(
      'The paper was written by Ilse Varga and Tomas Brenner in 1965.',
      'Who wrote the paper?',
      'person',
    );
    expect(got).toContain('Ilse Varga and Tomas Brenner');
    expect(got).toContain('Ilse Varga');
    const costs = texts(
      'Alternate models vary in time and memory consumption.',
      'What two resources do models vary in?',
      'thing',
    );
    expect(costs).toContain('time and memory consumption');
  });

  it('keeps the rise or fall verb before the figure when the question asks how much something changed by', () => {
    const sentence = 'Operating income in the Valve segment decreased $35 million in 2019.';
    const q = 'How much did operating income in the Valve segment change by in 2019?';
    expect(extractShortAnswer(sentence, q, 'number')?.text).toBe('decreased $35 million');
    expect(extractShortAnswer(sentence, 'How much was operating income down in 2019?', 'number')?.text).toBe(
      '$35 million',
    );
    const by = directed(q, 'Sales rose by 4% in 2019.', { text: '4%', start: 14, end: 16 });
    expect(by).toEqual({ text: 'rose by 4%', start: 6, end: 16 });
  });

  it('offers a name with the name it owns when that ends in the noun the question asks about', () => {
    const got = texts(
      'Critics praised Newcomen’s Atmospheric Engine for its reliability.',
      'Which engine did critics praise?',
      'thing',
    );
    expect(got).toContain('Newcomen’s Atmospheric Engine');
    const other = texts(
      'Critics praised Newcomen’s Atmospheric Engine for its reliability.',
      'Whose work did critics praise?',
      'thing',
    );
    expect(other).not.toContain('Newcomen’s Atmospheric Engine');
  });

  it('reads a word tagged as an adjective right before the question’s verb as the noun it asks about', () => {
    const got = texts(
      'From 2021 the fictional Tarrow Guild’s Revised Ethical Standard will apply to every member.',
      'Which ethical standard will apply from 2021?',
      'thing',
    );
    expect(got).toContain('Tarrow Guild’s Revised Ethical Standard');
  });

  it('takes no common word opening a sentence for a name, but keeps a name opening one', () => {
    const exactNames = (sentence: string) =>
      spanCandidates(sentence, 'Who can take the leave?', 'person')
        .filter((c) => c.exact)
        .map((c) => c.text);
    expect(exactNames('Eligible employees may take up to 52 weeks of leave.')).toEqual([]);
    expect(exactNames('Partners of the birth parent may take 6 weeks of leave.')).not.toContain('Partners');
    expect(exactNames('Mirela Stanescu may take the leave in May.')).toContain('Mirela Stanescu');
    expect(exactNames('Paris offered the leave to its staff.')).toContain('Paris');
  });

  it('gives every candidate the same named features, and offsets into the sentence', () => {
    const sentence = 'The architect Elena Marsh rebuilt the hall in 1788.';
    const cands = spanCandidates(sentence, 'Who rebuilt the hall?', 'person');
    expect(cands.length).toBeGreaterThan(0);
    const keys = Object.keys(cands[0]!.features);
    for (const c of cands) {
      expect(Object.keys(c.features)).toEqual(keys);
      expect(sentence.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('marks a span a copula or naming verb links to the question words', () => {
    const feats = (sentence: string, q: string, text: string) =>
      spanCandidates(sentence, q, 'thing').find((c) => c.text === text)?.features;
    const s = 'The long valley north of the fictional town of Brisk was called the Hollow by its first settlers.';
    expect(feats(s, 'What was the valley north of Brisk called?', 'Hollow')?.afterCopula).toBe(1);
    expect(feats(s, 'What was the valley north of Brisk called?', 'first settlers')?.afterCopula).toBe(0);
    const before = 'Copper wire is the main export of the fictional port of Ansel.';
    expect(feats(before, 'What is the main export of Ansel?', 'Copper wire')?.beforeCopula).toBe(1);
  });

  it('counts the unbroken run of question words beside a span', () => {
    const s = 'The fictional mill on the Tarn river sold barley, and its owners baked bread.';
    const c = spanCandidates(s, 'What did the mill on the Tarn river sell?', 'thing').find((x) => x.text === 'barley');
    expect(c?.features.leftRun).toBeCloseTo(1);
    expect(c?.features.rightRun).toBe(0);
  });

  it('reads the noun after "type of" as what a question asks about', () => {
    const s = 'The fictional Brisk line ran a narrow-gauge locomotive, a steam engine of the tank type.';
    const c = spanCandidates(s, 'What type of locomotive did the Brisk line run?', 'thing');
    const focus = (text: string) => c.find((x) => x.text === text)?.features.nextToFocus;
    expect(focus('narrow-gauge')).toBe(1);
    expect(focus('tank')).toBe(0);
  });

  it('marks a span WordNet knows as a kind of the asked noun, and picks it', () => {
    const s =
      'The fictional Corvel Islands, settled by fishermen, lie off the coast of Africa near the Marrin Straits.';
    const q = 'What continent are the Corvel Islands off the coast of?';
    const kind = (text: string) => spanCandidates(s, q, 'place').find((x) => x.text === text)?.features.kindOfFocus;
    expect(kind('Africa')).toBe(1);
    expect(kind('Marrin Straits')).toBe(0);
    expect(extractShortAnswer(s, q, 'place')?.text).toBe('Africa');
    const faith =
      'When the fictional King Aldo of Marrin took the throne in 1602, he gave up Protestantism to please the Duke of Selve.';
    expect(extractShortAnswer(faith, 'What religion did King Aldo give up?', 'thing')?.text).toBe('Protestantism');
  });

  it('takes the span after the verb and preposition a question ends with ("mounted on?")', () => {
    const s =
      'The fictional Harrow pump has two impellers (bladed wheels) mounted on a steel spindle, turning inside a cast iron housing.';
    const q = 'What are the impellers of the Harrow pump mounted on?';
    const stranded = (text: string) =>
      spanCandidates(s, q, 'thing').find((x) => x.text === text)?.features.afterStrandedPreposition;
    expect(stranded('steel spindle')).toBe(1);
    expect(stranded('cast iron housing')).toBe(0);
    expect(extractShortAnswer(s, q, 'thing')?.text).toBe('steel spindle');
  });

  it('keeps a hyphenated compound in one noun phrase', () => {
    const got = texts('The worst-case time complexity grows with the input.', 'What grows with the input?', 'thing');
    expect(got).toContain('worst-case time complexity');
  });
});

describe('asksMeasureLookup', () => {
  it('tells a lookup of a named figure from other questions', () => {
    expect(asksMeasureLookup("What was Orlen's net income in the third quarter?")).toBe(true);
    expect(asksMeasureLookup('What is the ferry licence revenue for 2019?')).toBe(true);
    expect(asksMeasureLookup('What caused the fall in revenue?')).toBe(false);
    expect(asksMeasureLookup('Who approved the budget?')).toBe(false);
  });
});

describe('followUpSpanType', () => {
  const earlier = 'How many people lived in Tarrow in 1900?';
  it('keeps the earlier question’s type when the turn only asks again', () => {
    expect(followUpSpanType('and what was it in 1950?', `${earlier} and what was it in 1950?`)).toBe('number');
    expect(followUpSpanType('what about Brisk?', `${earlier} what about Brisk?`)).toBe('number');
  });

  it('takes the turn’s own type when it names what it asks for', () => {
    expect(followUpSpanType('and who was mayor then?', `${earlier} and who was mayor then?`)).toBe('person');
    expect(followUpSpanType('what product did it sell?', `${earlier} what product did it sell?`)).toBe('thing');
  });
});
