import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeTestApp, type TestApp } from '../helpers/app.js';

/** Two fictional documents of different genres (an encyclopedia-style article and a product FAQ). */
const CORPUS = fileURLToPath(new URL('../fixtures/general/', import.meta.url));

describe('offline answers over documents of several genres', () => {
  let t: TestApp;
  const docs = new Map<string, string>();

  beforeAll(async () => {
    t = await makeTestApp({ corpusDir: CORPUS });
    for (const d of t.kb.current()!.docs) docs.set(d.docId, d.text);
  });
  afterAll(() => t?.cleanup());

  const ask = (question: string, history: { role: 'user' | 'assistant'; content: string }[] = []) =>
    askChat(t.app, question, history);

  it.each([
    ['Who founded Kelmsby?', 'Tomas Averill'],
    ['When was the Kelmsby lighthouse lit for the first time?', '3 March 1864'],
    ['How tall is the Kelmsby lighthouse?', '38 metres'],
    ['Which app controls the Lumio lamp?', 'Brightline'],
    ['In what province is Kelmsby?', 'Valdera'],
  ])('%s leads with the short answer, cut verbatim from a cited sentence', async (question, expected) => {
    const r = await ask(question);
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toContain(expected);
    const cited = r.citations.find((c) => c.n === r.short!.citation)!;
    expect(docs.get(cited.docId)!.slice(r.short!.start, r.short!.end)).toBe(r.short!.text);
    expect(cited.start <= r.short!.start && r.short!.end <= cited.end).toBe(true);
    expect(r.answer.startsWith(r.short!.text)).toBe(true);
  });

  it('leads with a runner-up sentence that holds the asked-for name when the best match holds none', async () => {
    const r = await ask('Who is the harbour master of the Kelmsby Harbour Trust?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('Ines Varga');
    expect(r.citations.find((c) => c.n === r.short!.citation)!.quote).toContain('Its harbour master, Ines Varga');
  });

  it('answers a why question with the reason, not a span', async () => {
    const r = await ask('Why does the Lumio lamp dim at night?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('because the evening mode lowers blue light to help people sleep');
    expect(r.citations[0]!.quote).toContain('lowers blue light');
  });

  it('gives a follow-up the span type of its own turn: "and why?" after "who" gets no name', async () => {
    const first = await ask('Who founded Kelmsby?');
    const r = await ask('And why did it grow?', [
      { role: 'user', content: 'Who founded Kelmsby?' },
      { role: 'assistant', content: first.answer },
    ]);
    expect(r.abstained).toBe(false);
    expect(r.short).toBeUndefined();
  });

  it('weighs a follow-up’s own words over those it carries from the question before', async () => {
    const first = await ask('How much revenue did the mooring fees give the trust?');
    expect(first.short?.text).toContain('1.3 million crowns');
    const r = await ask('and what about ferry traffic to the islands?', [
      { role: 'user', content: 'How much revenue did the mooring fees give the trust?' },
      { role: 'assistant', content: first.answer },
    ]);
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('ferry traffic to the northern islands rose');
  });

  it('abstains with a reason when the asked-for year is not in the documents', async () => {
    const r = await ask('How many people lived in Kelmsby in 1900?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/do not cover/);
    expect(r.related?.length).toBeGreaterThan(0);
    expect(r.short).toBeUndefined();
  });

  it('answers when only the kind of the answer, the subject of its verb, is a word the documents never use', async () => {
    const r = await ask('Which settlement is on the Orrin estuary?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('Kelmsby is a harbour town on the Orrin estuary');
  });

  it('abstains when the noun the question asks about is not in the documents, not for an unknown adjective', async () => {
    const missing = await ask('What kind of tramway did the council build in Kelmsby?');
    expect(missing.abstained).toBe(true);
    expect(missing.answer).toMatch(/say nothing about tramway/);
    const paraphrased = await ask('What kind of sturdy quay did Tomas Averill build?');
    expect(paraphrased.abstained).toBe(false);
    expect(paraphrased.answer).toContain('stone');
  });

  it('does not take a noun that frames the question ("the rationale", "the factors") for a topic the documents lack', async () => {
    for (const question of [
      'What was the rationale behind the town’s growth?',
      'What are the factors behind the growth of the town?',
    ]) {
      const r = await ask(question);
      expect(r.abstained).toBe(false);
      expect(r.citations[0]?.quote).toContain('stayed free of ice in winter');
    }
  });

  it('reads a sentence opening with a pronoun as about what the sentence before names', async () => {
    const r = await ask('How many locks does the Marlow Canal have?');
    expect(r.short?.text).toBe('eleven');
    expect(r.citations[0]!.quote).toBe('It is 27 kilometres long and has eleven locks.');
  });

  it('leads with the pronoun sentence after the best match when only it gives the asked-for figure', async () => {
    const r = await ask('How long is the Marlow Canal?');
    expect(r.short?.text).toBe('27 kilometres');
  });

  it('reads a quarter written short in a question as reports write it ("Q2" is the second quarter)', async () => {
    const r = await ask('How much cargo did the quay handle in Q2 2024?');
    expect(r.short?.text).toContain('610 thousand');
  });

  it('counts the words of a document’s title for each of its sentences, at a lower weight', async () => {
    const r = await ask('How long is the Lumio cable?');
    expect(r.short?.text).toBe('1.5 metres');
  });

  it('checks the sentence the answer will lead with: its figure for another plan is a near miss, not an answer', async () => {
    const other = await ask('How big is the student discount on the Family plan?');
    expect(other.abstained).toBe(true);
    expect(other.answer).toContain('“Care plan”, not “Family plan”');
    const asked = await ask('How big is the student discount on the Care plan?');
    expect(asked.abstained).toBe(false);
    expect(asked.short?.text).toBe('30%');
  });

  it('abstains when the passages give a figure for another measure than the one asked for', async () => {
    const other = await ask('How many ships traded in Kelmsby by 1650?');
    expect(other.abstained).toBe(true);
    expect(other.answer).toMatch(/no passage gives a figure for “ships”/);
    const asked = await ask('How many people lived in Kelmsby by 1650?');
    expect(asked.abstained).toBe(false);
    expect(asked.short?.text).toContain('4,200');
  });

  it('does not give the best match’s figure for another measure when the one naming the measure is about something else', async () => {
    const r = await ask('How much revenue did the ferries to the northern islands bring in 2022?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/no figure for “revenue”/);
    const traffic = await ask('By how much did ferry traffic to the northern islands rise in 2022?');
    expect(traffic.abstained).toBe(false);
    expect(traffic.short?.text).toContain('30%');
  });

  it('computes the earlier value a stated growth implies, from the figure the growth qualifies', async () => {
    const r = await ask('Given the 4% growth, how much cargo did the quay handle in 2022?');
    expect(r.abstained).toBe(false);
    const calc = r.checks.find((c) => c.op === 'implied_base');
    expect(calc?.value).toBeCloseTo(2.5, 1);
    expect(r.answer).toMatch(/\b2\.5 million\b/);
    expect(r.citations[0]?.quote).toContain('2.6 million tonnes of cargo, 4% more');
  });

  it('answers a figure asked for two years with one span per year, paired as the sentence lists them', async () => {
    const r = await ask('What were the pilotage fees in 2022 and 2023 respectively?');
    expect(r.abstained).toBe(false);
    expect(r.spans?.map((x) => x.text)).toEqual(['1.2 million', '1.4 million']);
    for (const x of r.spans!)
      expect(docs.get(r.citations.find((c) => c.n === x.citation)!.docId)!.slice(x.start, x.end)).toBe(x.text);
    expect(r.answer.startsWith('1.2 million in 2022 and 1.4 million in 2023')).toBe(true);
  });

  it('answers which of two grew faster with the growth each sentence states, citing both', async () => {
    const faster = await ask(
      'Which grew faster: ferry traffic to the northern islands in 2022 or cargo at the quay in 2023?',
    );
    expect(faster.abstained).toBe(false);
    expect(faster.answer).toMatch(
      /^Ferry traffic to the northern islands in 2022 grew faster: 30% \[\d\], against 4% for cargo/,
    );
    expect(faster.citations.map((c) => c.quote).join(' ')).toContain('4% more than a year before');
    const slower = await ask(
      'Which grew slower: ferry traffic to the northern islands in 2022 or cargo at the quay in 2023?',
    );
    expect(slower.answer).toMatch(/^Cargo at the quay in 2023 grew slower: 4%/);
    const scaled = await ask(
      'Which is larger, the lighthouse fund at the end of 2023 or the mooring fee revenue in 2021?',
    );
    expect(scaled.answer).toMatch(
      /^The mooring fee revenue in 2021 is larger: 1\.3 million \[\d\], against 950 thousand/,
    );
    const unmatched = await ask('Which is larger, the Kelmsby lighthouse or the market hall?');
    expect(unmatched.answer).not.toMatch(/is larger:/);
    const oneSentence = await ask('Which grew faster: ferry traffic in 2022 or ferry traffic to the northern islands?');
    expect(oneSentence.answer).not.toMatch(/grew faster:/);
  });

  it('abstains on a near miss: the subject is there, the asked-for relation is negated', async () => {
    const r = await ask('Which ships could not trade wool in winter?');
    expect(r.abstained).toBe(true);
  });
});
