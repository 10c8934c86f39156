import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeTestApp, type TestApp } from '../helpers/app.js';

/** A fictional earnings-call transcript with speaker labels. */
const CORPUS = fileURLToPath(new URL('../fixtures/transcript/', import.meta.url));

describe('offline answers to "who" questions over a transcript', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
  });
  afterAll(() => t?.cleanup());

  const ask = (question: string) => askChat(t.app, question);

  it('answers who someone is with the name the quoted sentence gives, not with its speaker', async () => {
    const r = await ask('Who is the chief financial officer of Harrowgate Mills?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('Lena Ostrova');
    expect(r.answer).not.toMatch(/That was Operator/);
    expect(r.citations[0]?.quote).toContain('Lena Ostrova, chief financial officer');
  });

  it('answers who said something with the speaker', async () => {
    const r = await ask('Who said Harrowgate Mills will open a second milling line?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/^That was Tomas Eberle \[1\]/);
    expect(r.short).toBeUndefined();
  });

  it('answers who did something with the speaker when the quoted sentence names no one', async () => {
    const r = await ask('Who expects to spend about 30 million crowns on the Dunmore line?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/^That was Tomas Eberle \[1\]/);
  });
});
