import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesYearPart, withoutYearParts, yearPartOnly } from '../../src/answer/question/year-parts.js';
import { askChat, makeCorpusApp } from '../helpers/app.js';

describe('parts of a year', () => {
  it('finds the part a sentence gives a year for when it writes the year only so', () => {
    expect(yearPartOnly('In the first half of 2021, exports rose by 44.1%.', 2021)).toBe('the first half of 2021');
    expect(yearPartOnly('Revenue for the first nine months of 2024 was $3m.', 2024)).toBe(
      'the first nine months of 2024',
    );
    expect(yearPartOnly('Q3 2024 revenue was up 4%.', 2024)).toBe('Q3 2024');
    expect(yearPartOnly('From January to June 2023 sales rose.', 2023)).toBe('January to June 2023');
  });

  it('finds none when the year is also written alone, or not at all', () => {
    expect(yearPartOnly('Sales rose in H1 2021, and in 2021 as a whole they fell.', 2021)).toBeUndefined();
    expect(yearPartOnly('In 2021 exports rose by 12%.', 2021)).toBeUndefined();
    expect(yearPartOnly('In the first half of 2021 exports rose.', 2022)).toBeUndefined();
  });

  it('tells a question naming a part, even misspelt, from one about the whole year', () => {
    expect(namesYearPart('How fast did exports grow in the frist half of 2021?')).toBe(true);
    expect(namesYearPart('What were exports in Q2 2021?')).toBe(true);
    expect(namesYearPart('What were exports in 2021?')).toBe(false);
    expect(withoutYearParts('How much did exports grow in H1 2021?')).toBe('How much did exports grow in 2021?');
  });
});

/** A fictional trade bulletin that gives only half-year figures. */
const BULLETIN = `---
title: "Port of Calder trade bulletin (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

In the first half of 2021, container exports through the Port of Calder rose by 18.2% year on year.

The port handled 2.4 million tonnes of grain in 2020.
`;

describe('a figure asked for a whole year and given for a part of it', () => {
  let t: Awaited<ReturnType<typeof makeCorpusApp>>;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'calder.md': BULLETIN });
  });
  afterAll(() => t?.cleanup());

  it('abstains, saying which part the passage gives it for', async () => {
    const r = await askChat(t.app, 'How much did container exports through the Port of Calder rise in 2021?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toContain('only for the first half of 2021');
  });

  it('answers the part when asked for it', async () => {
    const r = await askChat(t.app, 'How much did container exports rise in the first half of 2021?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain('18.2%');
  });

  it('abstains on a follow-up asking for the whole of the year', async () => {
    const r = await askChat(t.app, 'and for the whole of 2021?', [
      { role: 'user', content: 'How much did container exports rise in H1 2021?' },
      { role: 'assistant', content: 'They rose by 18.2% year on year in the first half of 2021.' },
    ]);
    expect(r.abstained).toBe(true);
  });
});

/** A fictional annual review whose title names its year and whose reason sentence names none. */
const REVIEW = `---
title: "Brackwater Freight: annual review 2024 (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

Air freight revenue fell as air cargo rates returned to normal after the peak of the year before.

Road haulage revenue was unchanged.

The board proposes a final dividend of £1.20 a share.
`;

describe('a sentence without a year in a document titled by one', () => {
  let t: Awaited<ReturnType<typeof makeCorpusApp>>;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'brackwater.md': REVIEW });
  });
  afterAll(() => t?.cleanup());

  it('speaks of the title’s year, so a question about that year is answered from it', async () => {
    const r = await askChat(t.app, 'Why did Brackwater’s air freight revenue fall in 2024?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain('returned to normal');
  });

  it('does not speak of another year', async () => {
    const r = await askChat(t.app, 'Why did Brackwater’s air freight revenue fall in 2022?');
    expect(r.abstained).toBe(true);
    expect((await askChat(t.app, 'How much is Brackwater’s final dividend in 2022?')).abstained).toBe(true);
  });

  it('gives the title’s year to a figure it states', async () => {
    const r = await askChat(t.app, 'How much is Brackwater’s final dividend in 2024?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('£1.20');
  });
});
