import { createRng } from '../../prng.js';

/** Given names and surnames of the people interviewed in the synthetic corpus. */
export const SURNAMES: readonly string[] = (
  'Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Smith Johnson Garcia ' +
  'Miller Davis Martin Müller Schmidt Rossi Dubois Tanaka Sato Kim Park Singh Patel Okafor Silva Novak Ivanova'
).split(' ');

/** Given names (any gender) paired with {@link SURNAMES}. */
export const GIVEN_NAMES: readonly string[] = (
  'Jian Yu Hui Ming Xiuying Min Lei Ying Fang Tao Xiaoming Lan Peng Qiang Anna James Maria David Elena Thomas ' +
  'Sofia Daniel Aiko Kenji Ji-woo Priya Chidi Lucas Petra Olga'
).split(' ');

/** Interviewing outlets; their turns are the section questions. */
export const OUTLETS = [
  'Economic Daily',
  'Trade Review',
  'Business Herald',
  'Reporter',
  'Policy Weekly',
  'Market Observer',
] as const;

/** Regions and economies the figures refer to. */
export const REGIONS = [
  'Malaysia',
  'Thailand',
  'Shanghai',
  'Guangdong',
  'Zhejiang',
  'Jiangsu',
  'Hainan',
  'Chongqing',
  'Shenzhen',
  'Hong Kong',
  'the European Union',
  'Germany',
  'France',
  'the United States',
  'Japan',
  'South Korea',
  'India',
  'Brazil',
  'Southeast Asia',
  'ASEAN',
  'Africa',
  'Latin America',
  'the Middle East',
  'Singapore',
  'Vietnam',
  'Indonesia',
] as const;

/** Sectors or subjects that documents are about. */
export const SECTORS = [
  'freight forwarding',
  'service exports',
  'cross-border e-commerce',
  'cloud computing',
  'software outsourcing',
  'digital payments',
  'logistics',
  'manufacturing',
  'semiconductors',
  'renewable energy',
  'electric vehicles',
  'tourism',
  'financial services',
  'telecommunications',
  'artificial intelligence',
  'data centers',
  'online education',
  'healthcare services',
  'agriculture',
  'shipping',
  'intellectual property licensing',
  'video games',
  'biotechnology',
  'green finance',
  'retail',
  'consumer electronics',
  'steel',
  'textiles',
] as const;

/** Measured quantities paired with a sector. */
export const METRICS = [
  'exports',
  'imports',
  'revenue',
  'investment',
  'output',
  'turnover',
  'trade volume',
  'market size',
  'value added',
  'foreign direct investment',
  'transaction volume',
  'employment',
  'profits',
  'sales',
] as const;

/** Totals a share refers to. */
export const WHOLES = [
  'total GDP',
  'service trade',
  'total exports',
  'total imports',
  'the global market',
  'national output',
  'industrial value added',
  'total employment',
  'retail sales',
  'fixed-asset investment',
] as const;

/** Policy verbs. */
export const VERBS = [
  'strengthen',
  'promote',
  'accelerate',
  'improve',
  'expand',
  'deepen',
  'support',
  'encourage',
  'optimize',
  'build',
  'explore',
  'coordinate',
  'standardize',
  'open up',
  'upgrade',
  'protect',
  'cultivate',
  'integrate',
] as const;

/** Adjectives of policy language. */
export const ADJECTIVES: readonly string[] = (
  'high-quality innovative competitive sustainable open secure efficient inclusive international regional ' +
  'digital green resilient modern coordinated fair transparent'
).split(' ');

/** Policy nouns. */
export const NOUNS = [
  'rules',
  'standards',
  'infrastructure',
  'platforms',
  'supply chains',
  'talent',
  'cooperation',
  'regulation',
  'data flows',
  'market access',
  'pilot zones',
  'enterprises',
  'governance',
  'institutions',
  'technology',
  'competitiveness',
  'reform',
  'innovation',
  'ecosystem',
  'capacity',
  'demonstration zones',
  'industrial parks',
  'small and medium-sized enterprises',
  'customs clearance',
  'tax policy',
  'privacy protection',
  'financing',
] as const;

/** Scales attached to amounts. */
export const SCALES = ['million', 'billion', 'trillion'] as const;

/** Chinese sentence templates; `{n}`, `{p}` and `{y}` are replaced by figures. */
export const CHINESE_SENTENCES = [
  '{y}年，数字贸易规模达到{n}亿美元，同比增长{p}%。',
  '服务贸易在对外贸易中的比重提高到{p}%左右。',
  '我们要加快建设数字贸易示范区，推动高水平对外开放。',
  '跨境电商进出口额为{n}亿元，增长{p}%。',
  '{y}年以来，数字经济占国内生产总值的比重超过{p}%。',
  '要完善数据跨境流动规则，加强知识产权保护。',
  '中小企业数字化转型仍面临资金和人才不足的问题。',
] as const;

const ONSETS = 'b c d f g h k l m n p r s t v z br cr st tr pl qu sh ch'.split(' ');
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 'x', 'l', 'm', 'nt', 'rd'];

/**
 * `count` distinct pronounceable pseudo-words (2-3 syllables), deterministic for a seed; used as a
 * long tail of names (companies, products, places), so the vocabulary grows with the corpus.
 */
export function pseudoWords(count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const syllables = rng.int(2, 3);
    let w = '';
    for (let i = 0; i < syllables; i++)
      w += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
    out.add(w);
  }
  return [...out];
}
