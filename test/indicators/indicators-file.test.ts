import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildIndicators, type IndicatorRecord } from '../../src/indicators/indicators.js';
import { chunkDocument, INDICATORS_FILE, loadCorpus } from '../../src/ingest/index.js';

const CORPUS = new URL('../../corpus/', import.meta.url);

describe(`committed corpus/${INDICATORS_FILE}`, () => {
  it('is what `npm run ingest` generates from the corpus, and every record points at its figure', async () => {
    const file = JSON.parse(await fs.readFile(new URL(INDICATORS_FILE, CORPUS), 'utf8')) as {
      indicators: IndicatorRecord[];
    };
    const { docs } = await loadCorpus(CORPUS.pathname);
    const chunks = docs.flatMap((d) => chunkDocument(d));
    expect(file.indicators).toEqual(JSON.parse(JSON.stringify(buildIndicators(docs, chunks))));
    expect(file.indicators.length).toBeGreaterThan(20);
    const byId = new Map(docs.map((d) => [d.docId, d.text]));
    for (const r of file.indicators) {
      expect(byId.get(r.docId)!.slice(r.start, r.end)).toBe(r.text);
    }
  });
});
