import { describe, expect, it } from 'vitest';
import { agentlessPassive, contradictedWord, swappedModifier } from '../../src/answer/offline/contradictions.js';
import { evidenceFeatures, nearMissScore } from '../../src/answer/offline/evidence-check.js';
import type { CorpusStats } from '../../src/answer/question/corpus-stats.js';
import { tokenize } from '../../src/retrieval/tokenizer.js';

const PASSAGE =
  'The town grew because the estuary stayed free of ice in winter. By 1650 about 4,200 people lived there.';
const stats: CorpusStats = (() => {
  const df = new Map<string, number>();
  const sentences = [...PASSAGE.split('. '), 'The lighthouse was lit in 1864.', 'The council met in the hall.'];
  for (const s of sentences) for (const t of new Set(tokenize(s))) df.set(t, (df.get(t) ?? 0) + 1);
  return {
    df,
    chunkCount: sentences.length,
    words: new Set(),
    stems: new Set(),
    initialisms: new Set(),
    speakers: [],
    years: new Set([1650, 1864]),
  };
})();

describe('evidence check', () => {
  it('weighs a Chinese question by its words, so a passage with every word covers it and a missing one is named', () => {
    const sentence = '2023年，岚江市对东盟进出口301.7亿元，增长9.8%。';
    const covered = evidenceFeatures(stats, '2023年岚江市对东盟进出口多少亿元？', 'number', sentence, sentence);
    expect(covered.sentenceCoverage).toBe(1);
    expect(covered.nameMissing).toBe(0);
    const other = evidenceFeatures(stats, '2023年岚江市对美国进出口多少亿元？', 'number', sentence, sentence);
    expect(other.nameMissing).toBe(1);
    expect(other.sentenceCoverage).toBeLessThan(1);
    expect(other.reason).toContain('“美国”');
  });

  it('does not count the adjective of "how big" or "how long" as a word the evidence must carry', () => {
    const f = evidenceFeatures(
      stats,
      'How big was the town by 1650?',
      'number',
      'By 1650 about 4,200 people lived there.',
      PASSAGE,
    );
    expect(f.reason).not.toContain('big');
    expect(f.sentenceRarestMissing).toBe(
      evidenceFeatures(stats, 'How was the town by 1650?', 'number', 'By 1650 about 4,200 people lived there.', PASSAGE)
        .sentenceRarestMissing,
    );
  });

  it('finds a "who" question answered by a sentence that states the deed in the passive without its agent', () => {
    const sentence = 'The market hall was rebuilt in 1791 as a covered exchange.';
    expect(agentlessPassive('Who rebuilt the market hall?', sentence)).toBe('rebuilt');
    expect(
      agentlessPassive('Who rebuilt the market hall?', 'The hall was rebuilt in 1791 by the council.'),
    ).toBeUndefined();
    expect(agentlessPassive('When was the market hall rebuilt?', sentence)).toBeUndefined();
    const f = evidenceFeatures(stats, 'Who rebuilt the market hall?', 'person', sentence, sentence);
    expect(f.agentMissing).toBe(1);
    expect(f.reason).toBe('the closest passage says it was rebuilt but not by whom');
    expect(nearMissScore(f)).toBeGreaterThan(0);
    const named = 'The hall was rebuilt in 1791, when the architect Ines Varga designed its arcade.';
    expect(evidenceFeatures(stats, 'Who rebuilt the market hall?', 'person', named, named).agentMissing).toBe(0);
  });

  it('passes evidence that carries every part of the question', () => {
    const f = evidenceFeatures(
      stats,
      'How many people lived in the town by 1650?',
      'number',
      'By 1650 about 4,200 people lived there.',
      PASSAGE,
    );
    expect(f.typeMissing).toBe(0);
    expect(f.nameMissing).toBe(0);
    expect(nearMissScore(f)).toBeLessThan(0);
  });

  it('takes a follow-up’s carried year from the passage when the sentence names no year of its own', () => {
    const q = 'How many people lived in the town by 1650? and how many of them lived there in winter?';
    const sentence = 'The town grew because the estuary stayed free of ice in winter.';
    expect(evidenceFeatures(stats, q, 'number', sentence, PASSAGE).figureMissing).toBe(1);
    expect(evidenceFeatures(stats, q, 'number', sentence, PASSAGE, null, true).figureMissing).toBe(0);
    const dated = 'The lighthouse was lit in 1864.';
    expect(evidenceFeatures(stats, q, 'number', dated, `${dated} ${PASSAGE}`, null, true).figureMissing).toBe(1);
  });

  it('flags a negation the evidence does not state, and says so', () => {
    const f = evidenceFeatures(
      stats,
      'Why did the estuary not stay free of ice in winter?',
      'reason',
      'The town grew because the estuary stayed free of ice in winter.',
      PASSAGE,
    );
    expect(f.negationMismatch).toBe(1);
    expect(nearMissScore(f)).toBeGreaterThan(0);
    expect(f.reason).toMatch(/negated/);
  });

  it('flags a name or number the passage lacks, and the asked-for kind of span missing', () => {
    const f = evidenceFeatures(
      stats,
      'When did Hendrik Vos found the town?',
      'date',
      'The council met in the hall.',
      PASSAGE,
    );
    expect(f.nameMissing).toBe(1);
    expect(f.typeMissing).toBe(1);
  });

  it('weighs a missing date more for a "when" question', () => {
    const f = evidenceFeatures(
      stats,
      'When did the estuary stay free of ice?',
      'date',
      'The estuary stayed free of ice.',
      PASSAGE,
    );
    expect(f.typeMissing).toBe(1);
    expect(f.dateMissing).toBe(1);
    const number = evidenceFeatures(stats, 'How many people lived there?', 'number', 'The town grew.', PASSAGE);
    expect(number.typeMissing).toBe(1);
    expect(number.dateMissing).toBe(0);
  });

  it('does not read "whether or not" as a negated relation', () => {
    const sentence = 'The town grew because the estuary stayed free of ice in winter.';
    const ask = (q: string) => evidenceFeatures(stats, q, 'reason', sentence, PASSAGE).negationMismatch;
    expect(ask('Why did the estuary not stay free of ice?')).toBe(1);
    expect(ask('Whether or not the estuary stayed free of ice, why did the town grow?')).toBe(0);
    expect(ask('Why may or may not the town grow?')).toBe(0);
  });

  it('takes the negation of a list item from its section heading', () => {
    const item = '- theft while the home is empty for more than 60 days, because break-ins then go unnoticed.';
    const q = 'Why is theft not covered when the home is empty?';
    const under = (section: string) =>
      evidenceFeatures(stats, q, 'reason', item, item, null, false, '', section).negationMismatch;
    expect(under('What is not covered')).toBe(0);
    expect(under('What is covered')).toBe(1);
  });

  it('reads a possessive name as the name itself', () => {
    const sentence = 'By 1650 about 4,200 people lived there.';
    const ask = (q: string) => evidenceFeatures(stats, q, 'number', sentence, PASSAGE).nameMissing;
    expect(ask("How many people lived in the Town's estuary by 1650?")).toBe(0);
    expect(ask('How many people lived in the Towns’ estuary by 1650?')).toBe(1);
    expect(ask("How many people lived in the Estuary' town?")).toBe(0);
  });

  it('counts a transcript speaker as the answer to "who"', () => {
    const sentence = 'The town grew because the estuary stayed free of ice in winter.';
    expect(
      evidenceFeatures(stats, 'Who said the town grew?', 'person', sentence, PASSAGE, 'Ana Ruiz').typeMissing,
    ).toBe(0);
    expect(evidenceFeatures(stats, 'Who said the town grew?', 'person', sentence, PASSAGE).typeMissing).toBe(1);
  });
});

describe('headings over the passage', () => {
  it('lend their words and their version numbers to its sentences, but not their years', () => {
    const fix = '- Exported PDF files no longer crash the viewer on very large pages (#790).';
    const q = 'Which PDF export bug was fixed in Tallowpress 3.1?';
    const section = 'Tallowpress 3.1 (2 February 2025) › Fixed bugs';
    const headed = evidenceFeatures(stats, q, 'thing', fix, fix, null, false, 'Release notes', section);
    expect(headed).toMatchObject({ nameMissing: 0, figureMissing: 0 });
    expect(evidenceFeatures(stats, q, 'thing', fix, fix).figureMissing).toBe(1);
    const fire = 'The great fire burned for two days and destroyed 120 houses; nine people died.';
    const history = 'History › The great fire and the flood of 1862';
    const died = 'How many people died in the flood of 1862?';
    expect(evidenceFeatures(stats, died, 'number', fire, fire, null, false, 'Pellmarsh', history).figureMissing).toBe(
      1,
    );
  });
});

describe('antonym contradiction', () => {
  const sentence = 'The keeper always chose the smallest boat for the crossing.';

  it('finds a question word whose antonym the sentence has instead', () => {
    expect(contradictedWord('Which boat did the keeper choose as the largest?', sentence)).toEqual([
      'largest',
      'small',
    ]);
    const f = evidenceFeatures(stats, 'Which was the largest boat the keeper chose?', 'thing', sentence, sentence);
    expect(f.antonymContradiction).toBe(1);
    expect(nearMissScore(f)).toBeGreaterThan(0);
    expect(f.reason).toMatch(/says “small”, not “largest”/);
  });

  it('reads no phrasal verb as the antonym of its verb ("come in" and "go up")', () => {
    const notice = 'From Sunday 7 September the timetable changes, and some fares will go up.';
    expect(contradictedWord('When do the timetable changes come in?', notice)).toBeUndefined();
    expect(contradictedWord('Which fares will rise?', notice)).toBeUndefined();
    expect(contradictedWord('Which fares will rise?', 'Some fares will fall.')).toEqual(['rise', 'fall']);
  });

  it('leaves a question that names both, a sentence with the word itself, and a negated sentence alone', () => {
    expect(contradictedWord('Was the boat the keeper chose large or small?', sentence)).toBeUndefined();
    expect(contradictedWord('Which small boat did the keeper choose?', sentence)).toBeUndefined();
    expect(
      contradictedWord('Which was the largest boat?', 'The keeper never chose the smallest boat.'),
    ).toBeUndefined();
    expect(
      evidenceFeatures(stats, 'Which boat was the smallest?', 'thing', sentence, sentence).antonymContradiction,
    ).toBe(0);
  });

  it('takes no adjective of a "how fast" or "how long" for a word the sentence must not contradict', () => {
    const slowed = 'Wage growth at the fictional port has slowed to 4.1% from 6.2%.';
    expect(contradictedWord('How fast is wage growth now?', slowed)).toEqual(['fast', 'slow']);
    const f = evidenceFeatures(stats, 'How fast is wage growth now?', 'number', slowed, slowed);
    expect(f.antonymContradiction).toBe(0);
  });
});

describe('figure missing from the evidence', () => {
  it('marks a sentence without the question’s year, and reads a table row with its table’s header', () => {
    const f = evidenceFeatures(
      stats,
      'How many people lived there in 1650?',
      'number',
      'About 4,200 people lived there.',
      PASSAGE,
    );
    expect(f.figureMissing).toBe(1);
    expect(f.reason).toMatch(/does not give “1650”/);
    const table = '| Region | 2019 | 2018 |\n| North | 1,200 | 900 |';
    const row = evidenceFeatures(stats, 'What was North in 2019?', 'number', '| North | 1,200 | 900 |', table);
    expect(row.figureMissing).toBe(0);
  });
});

describe('swapped modifier', () => {
  it('finds the question’s noun under another modifier in the sentence', () => {
    const sentence = 'The oldest bridge of the town was built of grey stone.';
    expect(swappedModifier('What was the youngest bridge built of?', sentence)).toEqual([
      'youngest bridge',
      'oldest bridge',
    ]);
    const f = evidenceFeatures(stats, 'What was the wooden bridge built of?', 'thing', sentence, sentence);
    expect(f.modifierSwap).toBe(1);
    expect(f.reason).toMatch(/about “oldest bridge”, not “wooden bridge”/);
  });

  it('finds a named modifier swapped for a name the tagger reads as another part of speech', () => {
    expect(swappedModifier('What does the Team plan cost?', 'The Plus plan costs $8 a month.')).toEqual([
      'Team plan',
      'Plus plan',
    ]);
  });

  it('leaves the same modifier, a sentence that has the question’s modifier elsewhere, and abbreviations alone', () => {
    expect(
      swappedModifier('What was the oldest bridge built of?', 'The oldest bridge was built of stone.'),
    ).toBeUndefined();
    expect(
      swappedModifier('What was the grey bridge built of?', 'The oldest bridge was built of grey stone.'),
    ).toBeUndefined();
    expect(swappedModifier('Who wrote the 5-yr plan?', 'Ana wrote the Five-Year plan.')).toBeUndefined();
  });
});
