import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/* Questions asking why or what caused something. The documents are fictional. */

const GUIDE = `---
title: "Marden quay guide (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

The sight most visitors come for is the Tessel Tower, a 30-metre brick tower on the quay above the old harbour.

It was built in 1802 for Agnes Holm, a ship owner, so that she could watch for her boats coming home.

Restored in 1990, the Tessel Tower is open from May to September and costs £4 to climb.

The marina plan first proposed 44 berths. It was cut to 38 after the harbour board raised concerns about the channel.

Because the harbour logbooks are fragile, they are shown in the tower only until June; from July they are replaced by facsimiles.
`;

const MINUTES = `---
title: "Orwick Rowing Club: committee minutes, 3 March (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

Three builders bid to replace the boathouse roof: Carrow Ltd bid £48,000, Fenn & Daughters £52,500 and Brisk Build £39,900.

Ada Lunn (Secretary): Members will ask why we did not take the cheapest bid.

Joss Arden (Chair): Because the cheapest bid is not one we could use. Brisk Build's metal sheeting is not allowed on a listed building, and their guarantee lasts only two years.
`;

const LEAFLET = `---
title: "Package leaflet: Dolvane 200 mg tablets (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

## Before you take Dolvane

**Do not take Dolvane:**

- if you are allergic to dolvanol or to any of the other ingredients;
- if you have severe liver disease, because dolvanol is broken down by the liver and can build up to harmful levels;
- if you are under 12 years old.

**Take special care with Dolvane:**

- if you have asthma, because it can make breathing harder in a few people.
`;

describe('reason questions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'marden-guide.md': GUIDE, 'orwick-minutes.md': MINUTES, 'dolvane-leaflet.md': LEAFLET });
  });
  afterAll(() => t?.cleanup());

  it('quotes the sentence that states the reason, not the one that names the thing best', async () => {
    const r = await askChat(t.app, 'What was the reason the Tessel Tower was built?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('so that she could watch for her boats');
  });

  it('answers when the words it lacks are verbs and adverbs, paraphrasing the document, and its nouns are there', async () => {
    const r = await askChat(t.app, 'Why are the logbooks going to be swapped for facsimiles partway through?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('the harbour logbooks are fragile');
    const missing = await askChat(t.app, 'Why are the logbooks going to be swapped for photogravures?');
    expect(missing.abstained).toBe(true);
  });

  it('reads a sentence opening with a pronoun with the one before it, which gives the figure asked about', async () => {
    const r = await askChat(t.app, 'Why was the marina plan cut from 44 berths to 38?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain('harbour board raised concerns');
  });

  it('quotes the sentence that continues a reason, and takes no short answer from it', async () => {
    const r = await askChat(t.app, 'Why did the committee not take the cheapest bid?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('Because the cheapest bid is not one we could use.');
    expect(r.citations[0]?.quote).toContain('not allowed on a listed building');
    const first = r.citations[0]!;
    if (r.short) expect(r.short.end).toBeLessThanOrEqual(first.start + first.quote.indexOf(' Brisk Build'));
  });

  it('reads a list item under the line that introduces it, which states the negation asked about', async () => {
    const r = await askChat(t.app, "Why shouldn't someone with severe liver disease take Dolvane?");
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('broken down by the liver');
    const careful = await askChat(t.app, "Why shouldn't someone with asthma take Dolvane?");
    expect(careful.abstained).toBe(true);
  });
});
