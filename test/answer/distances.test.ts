import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asksExtent, isDistanceAfter } from '../../src/language/dimensions.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/* A length that places a thing ("14 km west of the town") does not say how tall it is. The document is fictional. */

const GUIDE = `---
title: "Isle of Varne: a visitor's guide (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

## Sights

- **Carn Head lighthouse**, 14 km west of the harbour, built in 1871 by the Island Lights Board;
- **the Old Mill tower**, a 32-metre brick tower beside the quay, open on summer weekends;
- **Selby Sands**, a white beach 6 km north of the harbour.
`;

describe('distances and sizes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'varne-guide.md': GUIDE });
  });
  afterAll(() => t?.cleanup());

  it('tells a distance from somewhere from the size of a thing', () => {
    expect(isDistanceAfter(' km west of the harbour')).toBe(true);
    expect(isDistanceAfter(' miles from the station')).toBe(true);
    expect(isDistanceAfter(' km long')).toBe(false);
    expect(isDistanceAfter(' metres tall')).toBe(false);
    expect(asksExtent('How tall is the lighthouse?')).toBe(true);
    expect(asksExtent('How far is the lighthouse from the harbour?')).toBe(false);
  });

  it('gives no height from a distance, and gives one the documents state', async () => {
    const far = await askChat(t.app, 'How tall is the lighthouse at Carn Head?');
    expect(far.abstained).toBe(true);
    expect(far.answer).toContain('a distance');
    const tall = await askChat(t.app, 'How tall is the Old Mill tower?');
    expect(tall.abstained).toBe(false);
    expect(tall.short?.text).toMatch(/^32/);
    expect(tall.citations[0]?.quote).toContain('32-metre brick tower');
    const distance = await askChat(t.app, 'How far is the lighthouse from the harbour?');
    expect(distance.short?.text).toMatch(/14 km/);
  });
});
