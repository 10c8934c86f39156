import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinedCompounds } from '../../src/answer/offline/scoring-query.js';
import { corpusStats } from '../../src/answer/question/corpus-stats.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/* A phrasal verb of the question that documents write as one noun ("turned out": "turnout"). Fictional document. */

const REPORT = `---
title: "Fenmouth Gazette: council election night (fictional)"
---
Fictional document written for testing; every name, place and figure in it is invented.

Ines Garrow of the Harbour Party won the mayoralty with 14,210 votes.

"Fenmouth voted this time for buses that turn up, for a council that listens," she said.

Turnout was 44.6%, up from 38.2% at the last election in 2022.

The recount was asked for by the runner-up, Piet Hollis, after the first count put him 212 votes behind.
`;

describe('phrasal verbs written as one noun', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'fenmouth-election.md': REPORT });
  });
  afterAll(() => t?.cleanup());

  it('joins a verb and its particle into a noun the documents use, and only then', () => {
    const stats = corpusStats(t.kb.current()!);
    expect(joinedCompounds(stats, 'How many people turned out to vote?')).toEqual(['turnout']);
    expect(joinedCompounds(stats, 'Who turned up first?')).toEqual([]);
  });

  it('answers "what proportion turned out" from the turnout sentence, not the quote whose voters “turn up”', async () => {
    const r = await askChat(t.app, 'What proportion of voters turned out this time in Fenmouth?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('44.6%');
    expect(r.citations[0]?.quote).toContain('Turnout was 44.6%');
  });
});
