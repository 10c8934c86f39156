import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** Two fictional farm reports, written for this test. */
const ORCHARD = `---
title: "Brackenhill Orchard spring report"
---
Fictional document written for testing; all names and figures are invented.

The April frost damaged the apple blossom in the lower orchard. The pear trees flowered late and were spared.
`;
const VINEYARD = `---
title: "Selwood Vineyard spring report"
---
Fictional document written for testing; all names and figures are invented.

The April frost damaged the young vines on the north slope. The cellar was repainted in May.
`;

describe('quotes from several documents', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'orchard.md': ORCHARD, 'vineyard.md': VINEYARD });
  });
  afterAll(() => t?.cleanup());

  it('name the document of each quote that comes from another one than the first', async () => {
    const r = await askChat(t.app, 'What did the April frost damage?');
    expect(r.abstained).toBe(false);
    expect(r.citations.length).toBeGreaterThanOrEqual(2);
    const titles = new Set(r.citations.map((c) => c.title));
    expect(titles.size).toBe(2);
    for (const title of titles) expect(r.answer).toContain(`“${title}” says`);
    expect(r.answer).not.toContain('It adds');
  });
});
