import { describe, expect, it } from 'vitest';
import { corpusStats, prepareCorpusStats } from '../../src/answer/question/corpus-stats.js';
import type { KnowledgeSnapshot } from '../../src/retrieval/knowledge-base.js';

/** A fictional snapshot of many small chunks: only what corpus statistics read. */
function fakeSnapshot(chunks: number): KnowledgeSnapshot {
  const list = Array.from({ length: chunks }, (_, i) => ({
    id: `c${i}`,
    text: `Harbour ${i % 7} moved ${i} crates in 1998. The quay was rebuilt.`,
    speaker: null,
  }));
  const docs = [{ docId: 'd', title: 'Fictional harbour log', text: list.map((c) => c.text).join('\n\n') }];
  return { chunks: list, docs } as unknown as KnowledgeSnapshot;
}

describe('corpus statistics', () => {
  it('are prepared in the background, letting timers run, and equal the synchronous build', async () => {
    const snapshot = fakeSnapshot(3000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const prepared = await prepareCorpusStats(snapshot);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(corpusStats(snapshot)).toBe(prepared);
    const rebuilt = corpusStats(fakeSnapshot(3000));
    expect(prepared.chunkCount).toBe(rebuilt.chunkCount);
    expect([...prepared.df]).toEqual([...rebuilt.df]);
    expect(prepared.years.has(1998)).toBe(true);
    expect(await prepareCorpusStats(snapshot)).toBe(prepared);
  });
});
