import { mulberry32 } from '../../src/prng.js';
import type { Chunk, SourceDocument } from '../../src/types.js';

/** Deterministic PRNG (mulberry32) for reproducible fixtures. */
export const rng = mulberry32;

/** Builds one document per entry of `texts` (paragraphs joined by blank lines) and one chunk per paragraph. */
export function makeCorpus(docsText: Record<string, string[]>): { docs: SourceDocument[]; chunks: Chunk[] } {
  const docs: SourceDocument[] = [];
  const chunks: Chunk[] = [];
  for (const [docId, paragraphs] of Object.entries(docsText)) {
    const text = paragraphs.join('\n\n');
    docs.push({ docId, title: `Title of ${docId}`, path: `${docId}.md`, format: 'md', text });
    let start = 0;
    paragraphs.forEach((p, i) => {
      chunks.push({
        id: `${docId}#${i}`,
        docId,
        title: `Title of ${docId}`,
        section: null,
        speaker: null,
        ordinal: chunks.length,
        start,
        end: start + p.length,
        text: p,
      });
      start += p.length + 2;
    });
  }
  return { docs, chunks };
}

/** A small corpus about unrelated topics plus a few passages in the style of the interview. */
export const SAMPLE = makeCorpus({
  trade: [
    'During the 13th Five-Year Plan period, the scale of digital trade increased from US$200 billion in 2015 to US$294.76 billion in 2020, and its proportion in service trade increased from 30.6% to 44.5%.',
    'In the first half of 2021, cross-border e-commerce exports increased by 44.1% year-on-year.',
    'Cross-border e-commerce imports and exports totaled 1.69 trillion yuan in 2020.',
    'The digital economy accounts for nearly 38% of total GDP.',
  ],
  misc: [
    'The orchestra rehearsed the symphony for three weeks before the premiere in the concert hall.',
    'Volcanic eruptions release ash and sulphur dioxide that can cool the climate for several years.',
    'The recipe calls for flour, butter, sugar and two eggs, baked for forty minutes.',
    'Marathon runners train by gradually increasing their weekly mileage and resting between long runs.',
  ],
  zh: ['数字贸易规模持续扩大，跨境电商出口同比增长。', '今天天气晴朗，我们去公园散步。'],
});
