import { describe, expect, it } from 'vitest';
import { LOCAL_EMBEDDER_VERSION, LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';

const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const norm = (a: ArrayLike<number>) => Math.sqrt(cos(a, a));

describe('LocalHashEmbedder', () => {
  const e = new LocalHashEmbedder();

  it('is deterministic, L2-normalised and has the configured dimension', async () => {
    const [a, b] = await e.embedDocuments(['Digital trade grew fast.', 'Digital trade grew fast.']);
    expect(a).toHaveLength(512);
    expect(a).toEqual(b);
    expect(norm(a!)).toBeCloseTo(1, 5);
    expect(await new LocalHashEmbedder().embedQuery('Digital trade grew fast.')).toEqual(a);
    const small = new LocalHashEmbedder({ dimension: 64 });
    expect(await small.embedQuery('x y z')).toHaveLength(64);
    expect(small.id).toBe(`local-hash-v${LOCAL_EMBEDDER_VERSION}-64`);
    expect(e.id).toBe(`local-hash-v${LOCAL_EMBEDDER_VERSION}-512`);
  });

  it('embeds empty text as the zero vector', async () => {
    expect(norm(await e.embedQuery(''))).toBe(0);
  });

  it('agrees between embedQuery, embedVector and embedMatrix', async () => {
    const texts = ['alpha beta', '数字贸易', 'gamma 2020'];
    const m = e.embedMatrix(texts);
    for (let i = 0; i < texts.length; i++) {
      const q = await e.embedQuery(texts[i]!);
      expect(Array.from(m.subarray(i * 512, (i + 1) * 512))).toEqual(q);
    }
  });

  it('places paraphrases closer than unrelated text', async () => {
    const cases: [string, string, string][] = [
      [
        'How much did exports grow?',
        'Cross-border e-commerce exports increased by 44.1% year-on-year.',
        'The orchestra rehearsed the symphony for three weeks.',
      ],
      [
        'what percentage of service trade is digital',
        'Its proportion in service trade increased from 30.6% to 44.5%.',
        'Volcanic eruptions release ash that can cool the climate.',
      ],
      [
        'size of the market in 2020',
        'The scale of the market rose to US$294.76 billion in 2020.',
        'The recipe calls for flour, butter, sugar and two eggs.',
      ],
      ['the nation expanded rapidly', 'the country grew quickly', 'a cat sleeps on the sofa'],
    ];
    for (const [q, para, other] of cases) {
      const [vq, vp, vo] = await e.embedDocuments([q, para, other]);
      expect(cos(vq!, vp!)).toBeGreaterThan(cos(vq!, vo!) + 0.1);
    }
  });

  it('tolerates typos and spelling variants through character n-grams', async () => {
    const cases = [
      ['exporting', 'exportng', 'volcano'],
      ['cross-border ecommerce exports', 'cross-boarder e-comerce exprots', 'orchestra symphony rehearsal'],
      ['digitalization', 'digitalisation', 'orchestra'],
    ];
    for (const [word, typo, other] of cases) {
      const [a, b, c] = await e.embedDocuments([word!, typo!, other!]);
      expect(cos(a!, b!)).toBeGreaterThan(0.1);
      expect(cos(a!, b!)).toBeGreaterThan(cos(a!, c!) + 0.1);
    }
  });

  it('handles Chinese text', async () => {
    const [q, rel, unrel] = await e.embedDocuments([
      '跨境电商出口增长',
      '数字贸易规模持续扩大，跨境电商出口同比增长。',
      '今天天气晴朗，我们去公园散步。',
    ]);
    expect(norm(q!)).toBeCloseTo(1, 5);
    expect(cos(q!, rel!)).toBeGreaterThan(0.3);
    expect(cos(q!, rel!)).toBeGreaterThan(cos(q!, unrel!) + 0.2);
  });

  it('embeds thousands of chunks per second', () => {
    const base =
      'During the period the scale of digital trade increased from US$200 billion in 2015 to US$294.76 billion in 2020 and its proportion in service trade increased. ';
    const texts = Array.from({ length: 2000 }, (_, i) => `${base.repeat(4)} item ${i} w${(i * 7919).toString(36)}`);
    const t = performance.now();
    e.embedMatrix(texts);
    const perSec = (texts.length / (performance.now() - t)) * 1000;
    expect(perSec).toBeGreaterThan(2000);
  });
});
