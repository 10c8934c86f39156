import { describe, expect, it } from 'vitest';
import { buildIndicators, filterIndicators, type IndicatorRecord } from '../../src/indicators/indicators.js';
import { lineChunks, loadInterview } from '../numbers/interview.js';

const docId = 'digital-trade-interview';
const text = loadInterview();
const chunks = lineChunks(docId, text);
const records = buildIndicators([{ docId, text }], chunks);

const find = (figure: string, n = 0): IndicatorRecord => {
  const r = records.filter((x) => x.text === figure)[n];
  if (!r) throw new Error(`no record for ${figure}`);
  return r;
};

describe('buildIndicators on the interview', () => {
  it('covers the indicator figures and no years, labels, spans or word counts', () => {
    expect(records).toHaveLength(25);
    expect(records.map((r) => r.unit).every((u) => ['%', 'pp', 'times', 'currency', 'count'].includes(u))).toBe(true);
    expect(records.some((r) => ['two', 'three', 'five years', 'ten years', '14th', '2020'].includes(r.text))).toBe(
      false,
    );
  });

  it('points every record at its figure, sentence and chunk', () => {
    for (const r of records) {
      expect(text.slice(r.start, r.end)).toBe(r.text);
      expect(r.context).toContain(r.text);
      const chunk = chunks.find((c) => c.id === r.chunkId);
      expect(chunk && chunk.start <= r.start && r.end <= chunk.end).toBe(true);
      expect(r.docId).toBe(docId);
    }
  });

  it('has stable, unique ids', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(buildIndicators([{ docId, text }], chunks).map((r) => r.id)).toEqual(records.map((r) => r.id));
    for (const r of records) expect(r.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names known figures from their context', () => {
    expect(find('US$200 billion').name).toBe('digital trade scale');
    expect(find('US$294.76 billion', 0).name).toBe('digital trade scale');
    expect(find('47.4%').name).toBe('digital trade growth');
    expect(find('30.6%').name).toBe('share of digital trade in service trade');
    expect(find('45%').name).toBe('share of digital trade in service trade');
    expect(find('38%').name).toBe('share of digital economy in total GDP');
    expect(find('1.69 trillion yuan').name).toBe('cross-border e-commerce imports and exports');
    expect(find('31.1%').name).toBe('cross-border e-commerce imports and exports year-on-year growth');
    expect(find('US$164.84 billion').name).toBe('digital service trade scale');
    expect(find('6.7%').name).toBe('digital service trade compound annual growth rate');
    expect(find('36.7%').name).toBe('share of digital service trade in service trade');
    expect(find('31.7%').name).toBe('intellectual property average growth rate');
    expect(find('17.4%').name).toBe('ICT average growth rate');
    expect(find('US$54.56 billion').name).toBe('ICT service exports under commercial presence');
  });

  it('attaches values, years, regions and speakers', () => {
    expect(find('US$294.76 billion', 1)).toMatchObject({
      value: 294.76,
      scale: 'billion',
      currency: 'USD',
      years: [2020],
      region: 'China',
      speaker: 'Chen Hongna',
    });
    expect(find('47.4%')).toMatchObject({ years: [2015, 2020], speaker: 'Wei Hao' });
    expect(find('38%')).toMatchObject({ qualifier: 'nearly', speaker: 'Li Jun', region: 'China' });
    expect(find('50%').speaker).toBe('Chen Jin');
    expect(find('62.8%').region).toBe('world');
    expect(find('US$54.56 billion')).toMatchObject({ years: [2018], region: 'China' });
  });
});

describe('filterIndicators', () => {
  it('matches whole words in name or context, case-insensitively', () => {
    expect(filterIndicators(records, 'Cross-Border E-commerce').map((r) => r.text)).toEqual([
      '10 times',
      '28.6%',
      '44.1%',
      '1.69 trillion yuan',
      '31.1%',
    ]);
    expect(filterIndicators(records, 'united states').map((r) => r.text)).toEqual(['US$54.56 billion', '10%']);
    expect(filterIndicators(records, 'GDP').map((r) => r.text)).toEqual(['38%', '45%']);
    expect(filterIndicators(records, 'share GDP').map((r) => r.name)).toEqual([
      'share of digital economy in total GDP',
      'share of digital trade in service trade',
    ]);
    expect(filterIndicators(records, 'commerc')).toEqual([]);
  });

  it('returns everything for an empty query', () => {
    expect(filterIndicators(records, '  ')).toHaveLength(records.length);
  });
});
