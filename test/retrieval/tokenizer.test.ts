import { describe, expect, it } from 'vitest';
import { cjkBigrams, tokenize } from '../../src/retrieval/tokenizer.js';

describe('tokenize', () => {
  it('keeps numbers, decimals and years, dropping currency, percent signs and thousands separators', () => {
    const t = tokenize(
      'From US$200 billion in 2015 to US$294.76 billion in 2020, 44.5% and 1,000 or ¥1,234,567.5; 1.69 trillion.',
    );
    expect(t).toEqual(expect.arrayContaining(['200', '2015', '294.76', '2020', '44.5', '1000', '1234567.5', '1.69']));
    expect(t.some((x) => x.includes('$') || x.includes('%') || x.includes(','))).toBe(false);
    expect(t).not.toContain('1.69.');
  });

  it('folds case and width (NFKC) and removes stopwords', () => {
    expect(tokenize('The TRADE of the Ｗｏｒｌｄ and ２０２０')).toEqual(['trade', 'world', '2020']);
  });

  it('stems English words so inflections meet', () => {
    const [a, b, c] = [tokenize('increased'), tokenize('increasing'), tokenize('increases')];
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    expect(tokenize('exports')).toEqual(tokenize('export'));
    expect(tokenize('countries')).toEqual(tokenize('country'));
  });

  it('reads an irregular plural as its singular, but not a plural that is mostly a word of its own', () => {
    expect(tokenize("children's women feet")).toEqual(tokenize('child woman foot'));
    expect(tokenize('data')).not.toEqual(tokenize('datum'));
  });

  it("splits hyphenated words, adds the joined compound, and drops possessive 's", () => {
    const t = tokenize('China’s cross-border e-commerce');
    expect(t).toContain('china');
    expect(t).toContain('border');
    expect(t).toContain(tokenize('crossborder')[0]);
    expect(t).toContain(tokenize('ecommerce')[0]);
    expect(t).not.toContain('e');
  });

  it('turns CJK runs into overlapping bigrams and a lone character into a unigram', () => {
    expect(tokenize('数字贸易')).toEqual(['数字', '字贸', '贸易']);
    expect(tokenize('中 国')).toEqual(['中', '国']);
    expect(tokenize('数字trade贸易')).toEqual(['数字', 'trade', '贸易']);
    expect(tokenize('カタカナ と 한국어')).toEqual(['カタ', 'タカ', 'カナ', 'と', '한국', '국어']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' —,.!? ')).toEqual([]);
  });

  it('cjkBigrams visits pairs in order', () => {
    const out: string[] = [];
    cjkBigrams('贸易额', (g) => out.push(g));
    expect(out).toEqual(['贸易', '易额']);
  });
});
