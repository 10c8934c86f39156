import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** Two fictional documents: trial results that give months beside percentages, and council minutes with votes. */
const FILES = {
  'brookvale-trial.md': `# Brookvale trial results

Fictional document written for testing; all names and figures are invented.

The Brookvale trial compared the drug orvastin with placebo in 412 adults. Median survival was 20.4 months with orvastin and 15.1 months with placebo. The response rate was 52.0% with orvastin and 35.5% with placebo.
`,
  'denholm-council-minutes.md': `# Denholm Parish Council: minutes of the March meeting

Fictional document written for testing; all names and figures are invented.

The motion to close the Mill Lane depot was rejected by 11 votes to 7. The annual budget was approved by 15 votes to 3, with one abstention.
`,
};

describe('differences counted in the unit the question names', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp(FILES);
  });
  afterAll(() => t?.cleanup());

  const difference = async (question: string) => {
    const r = await askChat(t.app, question);
    expect(r.abstained).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed');
    expect(check?.op).toBe('difference');
    return check!;
  };

  it('take the two figures written in months, not the response rates beside them', async () => {
    const check = await difference('By how many months did orvastin extend median survival?');
    expect(check.args).toEqual({ a: '20.4', b: '15.1' });
    expect(check.value).toBeCloseTo(5.3, 6);
  });

  it('give a gap asked "by how many" as the larger figure minus the smaller', async () => {
    const check = await difference('By how many votes was the motion to close the depot rejected?');
    expect(check.args).toEqual({ a: '11', b: '7' });
    expect(check.value).toBe(4);
  });
});
