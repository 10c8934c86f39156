import { FALL_NOUNS, FALL_VERBS, RISE_NOUNS, RISE_VERBS, verbForms } from '../language/direction-words.js';
import { stem } from './tokenizer.js';

/** Looser words for a rise, for similarity only: too broad to mark a figure as a change ("a gain on sale"). */
const RISE_SYNONYMS: readonly string[] = ['expand', 'expansion', 'gain', 'boost', 'upward'];

/** Looser words for a fall, for similarity only: too broad to mark a figure as a change ("a contract of $5m"). */
const FALL_SYNONYMS: readonly string[] = ['reduce', 'reduction', 'contract', 'downturn', 'lower', 'cut'];

/**
 * General-purpose English synonym groups. Words in a group share a concept feature in the
 * local embedder so that paraphrases ("exports grew" / "rise in exporting") land close together.
 * Deliberately generic vocabulary: nothing here is specific to any corpus.
 */
export const CONCEPT_GROUPS: readonly (readonly string[])[] = [
  [...verbForms(RISE_VERBS), ...RISE_NOUNS, ...RISE_SYNONYMS],
  [...verbForms(FALL_VERBS), ...FALL_NOUNS, ...FALL_SYNONYMS],
  ['share', 'proportion', 'percentage', 'percent', 'ratio', 'fraction', 'portion', 'accounts', 'account', 'slice'],
  ['export', 'exports', 'exporting', 'exporter', 'outbound', 'shipments'],
  ['import', 'imports', 'importing', 'importer', 'inbound'],
  ['scale', 'size', 'volume', 'magnitude', 'amount', 'quantity', 'extent'],
  ['total', 'overall', 'aggregate', 'combined', 'sum', 'totaled', 'totalled'],
  ['country', 'countries', 'nation', 'nations', 'national', 'nationwide'],
  ['government', 'state', 'authorities', 'authority', 'administration', 'official', 'officials', 'ministry', 'central'],
  [
    'company',
    'companies',
    'enterprise',
    'enterprises',
    'firm',
    'firms',
    'business',
    'businesses',
    'corporate',
    'corporation',
  ],
  ['fast', 'rapid', 'rapidly', 'quick', 'quickly', 'swift', 'swiftly', 'speedy'],
  ['big', 'large', 'huge', 'massive', 'vast', 'enormous', 'giant', 'sizable'],
  ['small', 'little', 'tiny', 'minor', 'modest', 'slight'],
  ['important', 'importance', 'significant', 'significance', 'crucial', 'vital', 'essential', 'key', 'critical'],
  ['cost', 'costs', 'price', 'expense', 'fee', 'spending'],
  ['goal', 'target', 'aim', 'objective', 'purpose'],
  ['problem', 'challenge', 'difficulty', 'issue', 'obstacle', 'barrier'],
  ['opportunity', 'chance', 'prospect', 'potential'],
  ['policy', 'policies', 'regulation', 'rule', 'rules', 'law', 'laws', 'legislation'],
  ['world', 'global', 'worldwide', 'international', 'globally'],
  ['foreign', 'overseas', 'abroad', 'external', 'crossborder'],
  ['trade', 'commerce', 'trading', 'commercial'],
  ['online', 'digital', 'internet', 'electronic', 'web', 'digitalization', 'digitization', 'digitized'],
  ['annual', 'yearly', 'year', 'years', 'annually'],
  ['double', 'doubled', 'twofold', 'twice'],
  ['average', 'mean', 'typical'],
  ['help', 'support', 'assist', 'aid', 'facilitate'],
  ['develop', 'development', 'progress', 'advance', 'advancement'],
  ['improve', 'improvement', 'enhance', 'upgrade', 'strengthen', 'better'],
  ['cooperation', 'collaboration', 'partnership', 'cooperate', 'collaborate'],
  ['start', 'begin', 'launch', 'initiate', 'introduce', 'establish'],
  ['rank', 'ranking', 'position', 'standing'],
  ['gap', 'difference', 'disparity', 'shortfall', 'imbalance'],
  ['rate', 'pace', 'speed'],
  ['region', 'area', 'zone', 'district', 'territory'],
  ['pilot', 'trial', 'experiment', 'test', 'demonstration'],
  ['show', 'indicate', 'reveal', 'demonstrate', 'suggest'],
  ['data', 'statistics', 'figures', 'numbers', 'stats'],
  ['strong', 'robust', 'solid', 'powerful'],
  ['weak', 'insufficient', 'inadequate', 'lacking', 'deficient', 'shortage'],
  ['money', 'fund', 'funds', 'capital', 'investment', 'finance', 'financial'],
  ['technology', 'technologies', 'tech', 'technical', 'technological'],
  ['income', 'earnings', 'profit'],
  ['revenue', 'turnover'],
  ['consumer', 'customer', 'buyer', 'user', 'consumption'],
  ['worker', 'employee', 'staff', 'labor', 'labour', 'workforce', 'talent', 'personnel'],
  ['buy', 'purchase', 'acquire'],
  ['sell', 'sale', 'sales', 'retail'],
  ['pandemic', 'epidemic', 'outbreak', 'covid', 'coronavirus', 'pneumonia'],
  ['reason', 'cause', 'motivation', 'consideration', 'rationale'],
  ['future', 'upcoming', 'forthcoming', 'later', 'ahead'],
  ['plan', 'strategy', 'scheme', 'programme', 'program', 'blueprint'],
  ['city', 'municipal', 'urban', 'metropolitan'],
  ['service', 'services', 'servicing'],
  ['goods', 'products', 'merchandise', 'commodities'],
  ['economy', 'economic', 'economies', 'gdp'],
  ['innovation', 'innovative', 'novel', 'breakthrough'],
  ['characteristic', 'feature', 'features', 'trait', 'attribute'],
  ['trend', 'tendency', 'direction', 'trajectory'],
  ['epidemic', 'pandemic', 'outbreak', 'covid', 'coronavirus'],
];

let table: Map<string, number[]> | undefined;

/** Stem -> concept ids, built on first use with the same stemmer as the tokenizer. */
export function conceptTable(): ReadonlyMap<string, readonly number[]> {
  if (table) return table;
  table = new Map();
  CONCEPT_GROUPS.forEach((group, id) => {
    for (const word of group) {
      const key = stem(word.toLowerCase());
      const ids = table!.get(key);
      if (!ids) table!.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  });
  return table;
}
