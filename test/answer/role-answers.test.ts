import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional staff handbook section, written for this test. */
const HANDBOOK = `---
title: "Quillon Labs: Staff Handbook, Section 4 — Expenses"
---
Fictional document written for testing; all names and figures are invented.

Claims must be submitted within 60 days of the expense. Claims under £500 are approved by your line manager. Any single claim above £500 must be approved by the finance director before it is paid. You may claim up to £40 a night for a hotel outside London; hotel stays are booked through the travel portal.

If the airline cancels a booked flight, the travel desk coordinator can approve a hotel allowance of up to £90 a night.
`;

describe('who-questions answered by a role', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'quillon-expenses.md': HANDBOOK });
  });
  afterAll(() => t?.cleanup());

  it("lead with the role the passage names, not a place beside the question's words", async () => {
    const r = await askChat(
      t.app,
      'If the airline cancelled my flight, who can let me spend more than £40 a night on a hotel at Quillon?',
    );
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toMatch(/travel desk coordinator/);
  });

  it('tell a threshold above from one under', async () => {
    const r = await askChat(t.app, 'Who must approve a claim above £500 at Quillon?');
    expect(r.short?.text).toMatch(/finance director/);
  });

  it('abstain when the documents state the rule for another threshold', async () => {
    const r = await askChat(t.app, 'Who must approve a claim above £2,000 at Quillon?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/“£2,000”/);
  });

  it('take the role for a rule stated of another group', async () => {
    const r = await askChat(t.app, 'Who approves claims under £500?');
    expect(r.short?.text).toMatch(/line manager/);
  });
});

/** A fictional local-history note, written for this test. */
const BRIDGE = `---
title: "Harlow Crossing: a short history"
---
Fictional document written for testing; all names and dates are invented.

The first Harlow Crossing bridge was designed by the engineer Mira Solt and opened in 1921.

After the flood of 1923 a wider Harlow Crossing bridge was designed by Tomas Brell.

The toll house beside the bridge is now a small museum.
`;

describe('who-questions with a close runner-up', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'harlow-crossing.md': BRIDGE });
  });
  afterAll(() => t?.cleanup());

  it('quote the runner-up sentence as well as the one the name comes from', async () => {
    const r = await askChat(t.app, 'Who designed the Harlow Crossing bridge?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toMatch(/^(?:Mira Solt|Tomas Brell)$/);
    const quotes = r.citations.map((c) => c.quote);
    expect(quotes.some((q) => q.includes('Mira Solt'))).toBe(true);
    expect(quotes.some((q) => q.includes('Tomas Brell'))).toBe(true);
    expect(quotes.some((q) => q.includes('museum'))).toBe(false);
  });
});

describe('who-questions over documents without speakers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: fileURLToPath(new URL('../fixtures/changes/', import.meta.url)) });
  });
  afterAll(() => t?.cleanup());

  it('take a plural class of people ("in adults") for no answer, and lead with the sentence naming someone', async () => {
    const r = await askChat(t.app, 'Who led the PELLWICK-2 trial?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('Dr Aoife Rennard');
  });

  it('attribute the quote to the document, with no word of speakers', async () => {
    const r = await askChat(t.app, 'Who leads the desktop team?');
    expect(r.short?.text).toBe('Ingrid Solvay');
    expect(r.answer).toContain('“Tallowmere Sync 5.2 release notes” says');
    expect(r.answer).not.toMatch(/speakers/);
  });
});

/** A fictional exhibition announcement, written for this test. */
const EXHIBITION = `---
title: "Brackwater Gallery: Salt and Slate, the paintings of Odile Parrack (fictional)"
---
Fictional document written for testing; all names and figures are invented.

This autumn the Brackwater Gallery opens the first full retrospective of Odile Parrack in more than twenty years.

Odile Parrack was born in 1941 in a quarry village and painted the slate coast for six decades.

The exhibition is curated by Dr Maris Quenby, with assistant curator Tobias Hale-Ward.
`;

describe('who-questions asking for a role', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'brackwater-exhibition.md': EXHIBITION });
  });
  afterAll(() => t?.cleanup());

  it('take the sentence that fills the role, though another shares more of the question’s words', async () => {
    const r = await askChat(t.app, 'Who is the curator of the Odile Parrack retrospective?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('The exhibition is curated by Dr Maris Quenby');
  });

  it('answer with the agent of the role’s verb, not the assistant named beside the role', async () => {
    const r = await askChat(t.app, 'Who is the curator of the Odile Parrack retrospective?');
    expect(r.short?.text).toBe('Dr Maris Quenby');
  });
});
