import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional staff handbook with a table whose rows are bands of years of service, written for this test. */
const HANDBOOK = `---
title: "Tessaly Optics staff handbook, section 4: holidays"
---
Fictional document written for testing; all names and figures are invented.

Holiday entitlement grows with completed years of service.

| Completed years of service | Holiday (days) | Long-service bonus (days) |
| --- | --- | --- |
| 0 to 1 | 22 | 0 |
| 2 to 4 | 24 | 1 |
| 5 to 9 | 26 | 2 |
| 10 or more | 28 | 3 |
`;

describe('table rows that stand for bands of values', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'tessaly-holidays.md': HANDBOOK });
  });
  afterAll(() => t?.cleanup());

  it('answers from the row whose band holds the count the question gives', async () => {
    const r = await askChat(
      t.app,
      'I have worked at Tessaly Optics for seven years. How many days of holiday do I get?',
    );
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('26');
    expect(r.citations[0]?.quote).toBe('| 5 to 9 | 26 | 2 |');
    // The answer names the document's title, whose "4" is no claim to check.
    expect(r.checks.filter((c) => c.status === 'unverified')).toEqual([]);
  });

  it('reads an open band too', async () => {
    const r = await askChat(t.app, 'How many holiday days does someone with 14 years of service get?');
    expect(r.short?.text).toBe('28');
  });
});
