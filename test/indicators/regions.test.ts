import { describe, expect, it } from 'vitest';
import { buildIndicators } from '../../src/indicators/indicators.js';
import { cleanNoun } from '../../src/indicators/noun-phrases.js';
import { dominantRegion, regionAt, regionMentions } from '../../src/indicators/regions.js';

const names = (text: string, exclude?: string[]) =>
  regionMentions(text, exclude ? { exclude: new Set(exclude) } : {}).map((m) => m.region);

describe('regionMentions (places as written, no alias table)', () => {
  it('finds capitalised names after locative prepositions and before possessives, kept as written', () => {
    expect(names('Output in Ruritania rose; across the Northern Isles it fell. Valdoria’s exports grew.')).toEqual([
      'Ruritania',
      'Northern Isles',
      'Valdoria',
    ]);
    expect(names('Growth in Ruritania was 3%.')).toEqual(['Ruritania']);
    expect(names('about 10% of that of the United States')).toEqual(['United States']);
  });

  it('counts world, global and worldwide as the one generic region', () => {
    expect(names('the global average and the world market')).toEqual(['world', 'world']);
  });

  it('ignores titles, calendar words, contractions, speakers and deictic phrases', () => {
    expect(names('the Fair for Trade in Services; the Ministry of Finance; in March; It’s late.')).toEqual([]);
    expect(names('Ana Ruiz’s estimate for Ruritania’s output', ['Ana Ruiz'])).toEqual(['Ruritania']);
    expect(names('in our country, in this region, our nation’s output')).toEqual([]);
  });

  it('does not map one name to another: different spellings stay different', () => {
    expect(names('in Ruritania and in the Ruritanian Republic')).toEqual(['Ruritania', 'Ruritanian Republic']);
  });
});

describe('dominantRegion and regionAt', () => {
  const text =
    'Ruritania’s exports grew. In Valdoria, imports fell. Ruritania’s ports are the world’s busiest.\n\nOur nation’s freight rose 12%.';

  it('picks the most-mentioned named place, preferring it over "world"', () => {
    expect(dominantRegion(text)).toBe('Ruritania');
    expect(dominantRegion('the world market and the global average')).toBe('world');
    expect(dominantRegion('no places here')).toBeNull();
  });

  it('uses the sentence, then named places in the paragraph, then the fallback', () => {
    const s = 'In Valdoria, sales rose 5%. The global average was 3%. Freight rose 4%.';
    const para = { start: 0, end: s.length };
    const at = (fig: string) => {
      const i = s.indexOf(fig);
      const start = s.lastIndexOf('.', i) + 1;
      return regionAt(s, i, { start, end: s.indexOf('.', i) }, para, 'Elsewhere');
    };
    expect(at('5%')).toBe('Valdoria');
    expect(at('3%')).toBe('world');
    expect(at('4%')).toBe('Valdoria');
    const own = text.indexOf('12%');
    const p2 = text.indexOf('Our');
    expect(regionAt(text, own, { start: p2, end: text.length }, { start: p2, end: text.length }, 'Ruritania')).toBe(
      'Ruritania',
    );
  });

  it('gives indicator records the place as written, and never a speaker', () => {
    const doc = 'Ana Ruiz: Ana Ruiz’s team counted 40% more ships.\nBo Lind: In Valdoria the share was 18%.';
    const chunks = [
      { id: 'c1', docId: 'd', start: 0, end: 51, speaker: 'Ana Ruiz' },
      { id: 'c2', docId: 'd', start: 51, end: doc.length, speaker: 'Bo Lind' },
    ];
    const records = buildIndicators([{ docId: 'd', text: doc }], chunks);
    expect(records.map((r) => [r.text, r.region])).toEqual([
      ['40%', 'Valdoria'],
      ['18%', 'Valdoria'],
    ]);
  });
});

describe('cleanNoun (general vocabulary)', () => {
  it('drops possessive owners and deictic places, keeps names as written', () => {
    expect(cleanNoun("the nation's freight volume")).toBe('freight volume');
    expect(cleanNoun('Ruritania’s wool exports')).toBe('wool exports');
    expect(cleanNoun('wool exports in our region')).toBe('wool exports');
    expect(cleanNoun('Northern Isles ferry traffic', 'Since 2016, Northern Isles ferry traffic doubled.')).toBe(
      'Northern Isles ferry traffic',
    );
    expect(cleanNoun('Freight volume', 'Freight volume rose 4%.')).toBe('freight volume');
    expect(cleanNoun('ICT exports')).toBe('ICT exports');
  });
});
