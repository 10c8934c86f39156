import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** Fictional release notes, written for this test: each version's fixes sit under a nested heading. */
const NOTES = `---
title: "Tallowpress release notes (fictional)"
---
Fictional document written for testing; the product and its bugs are invented.

# Tallowpress release notes

## Tallowpress 3.2 (5 May 2025)

### Fixed bugs

- Exported PDF files no longer lose their page numbers when printed (#812).

## Tallowpress 3.1 (2 February 2025)

### Fixed bugs

- Exported PDF files no longer crash the viewer on very large pages (#790).
`;

/** A fictional town history, written for this test: one heading names two events, one of them dated. */
const HISTORY = `---
title: "Pellmarsh (fictional)"
---
Fictional document written for testing; the town and its history are invented.

# Pellmarsh

## History

### The great fire and the flood of 1862

The great fire burned for two days and destroyed 120 houses; nine people died.

That spring the river burst its banks and flooded the lower town to a depth of one metre.
`;

describe('headings a passage sits under', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'tallowpress-notes.md': NOTES, 'pellmarsh.md': HISTORY });
  });
  afterAll(() => t?.cleanup());

  it('count the question’s words they have for the sentences under them', async () => {
    const r = await askChat(t.app, 'Which PDF export bug was fixed in Tallowpress 3.1?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('#790');
    expect(r.citations[0]?.section).toBe('Tallowpress 3.1 (2 February 2025) › Fixed bugs');
  });

  it('lend no year to a sentence, as a heading may date only one of the things it names', async () => {
    const r = await askChat(t.app, 'How many people died in the flood of 1862?');
    expect(r.abstained).toBe(true);
  });
});
