import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp } from '../helpers/app.js';

/** A fictional trial summary: the sentence naming the trial and its patients gives no figure. */
const TRIAL = `---
title: "KESTREL-4 trial: summary of results (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

KESTREL-4 tested whether the tablet dorvaline lowers blood pressure in patients whose blood pressure stays high on other medicines.
The trial ran at 22 clinics in three countries from March 2021 to June 2023.
It was paid for by a grant of 4 million euros.
Doses were raised every 6 weeks.
The trial enrolled 812 patients aged 40 to 80.
Half received dorvaline and half a placebo tablet.
`;

/** A fictional release note in the same corpus, with figures and none of the trial's words. */
const NOTES = `---
title: "Pelham Sync 3.1 release notes (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

Uploads now run in 4 parallel parts, so a 1 GB file takes about 3 minutes.
`;

describe('a figure a few sentences below the best one', () => {
  let t: Awaited<ReturnType<typeof makeCorpusApp>>;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'kestrel-4.md': TRIAL, 'pelham-sync.md': NOTES });
  });
  afterAll(() => t?.cleanup());

  it('answers a count with the lower sentence of the same document that gives it for the measure asked', async () => {
    const r = await askChat(t.app, 'How many patients took part in KESTREL-4?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('812');
  });
});

/** A fictional leave policy whose paragraph names the measure once, before the figures that give it. */
const POLICY = `---
title: "Tamsworth Surveyors: leave policy (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

Employees may take up to 40 weeks of adoption leave. The first 12 weeks are paid in full. Second carers may take 4 weeks on full pay, within the first six months.
`;

describe('a measure its paragraph names before the figure', () => {
  let t: Awaited<ReturnType<typeof makeCorpusApp>>;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'tamsworth.md': POLICY });
  });
  afterAll(() => t?.cleanup());

  it('answers with the figure of the sentence the question is about, not the one repeating the measure', async () => {
    const r = await askChat(t.app, 'How much adoption leave can second carers take?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('4 weeks');
  });
});

/** A fictional match report: the goal is told in one sentence and its scorer named in the next. */
const MATCH = `---
title: "Ashby Town 2–1 Corfe United (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

Ashby Town equalised just after the break. Striker Nadia Okonkwo met a cross at the near post and headed it in.
`;

describe('a "who" question whose sentence tells the deed without its doer', () => {
  let t: Awaited<ReturnType<typeof makeCorpusApp>>;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'ashby.md': MATCH });
  });
  afterAll(() => t?.cleanup());

  it('is answered by the next sentence of the passage when it opens with a name', async () => {
    const r = await askChat(t.app, "Who scored Ashby Town's equaliser?");
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('Nadia Okonkwo');
  });
});
