import { FALL_NOUNS, FALL_VERBS, RISE_NOUNS, RISE_VERBS, verbForms } from '../language/direction-words.js';
import { stem } from './tokenizer.js';

/** Looser words for a rise, for similarity only: too broad to mark a figure as a change ("a gain on sale"). */
const RISE_SYNONYMS: readonly string[] = ['expand', 'expansion', 'gain', 'boost', 'upward'];

/** Looser words for a fall, for similarity only: too broad to mark a figure as a change ("a contract of $5m"). */
const FALL_SYNONYMS: readonly string[] = ['reduce', 'reduction', 'contract', 'downturn', 'lower', 'cut'];

/**
 * General-purpose English synonym groups of the words reports use to state and compare figures. Words in a group
 * share a concept feature in the local embedder so that paraphrases ("sales grew" / "rise in sales") land close
 * together. Topical groups (a subject's related words rather than synonyms) are left out: none helped beyond one
 * document, and WordNet's synsets used in their place matched SQuAD's answer sentences worse than no groups.
 */
export const CONCEPT_GROUPS: readonly (readonly string[])[] = [
  [...verbForms(RISE_VERBS), ...RISE_NOUNS, ...RISE_SYNONYMS],
  [...verbForms(FALL_VERBS), ...FALL_NOUNS, ...FALL_SYNONYMS],
  ['share', 'proportion', 'percentage', 'percent', 'ratio', 'fraction', 'portion', 'accounts', 'account', 'slice'],
  ['scale', 'size', 'volume', 'magnitude', 'amount', 'quantity', 'extent'],
  ['total', 'overall', 'aggregate', 'combined', 'sum', 'totaled', 'totalled'],
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
  ['annual', 'yearly', 'year', 'years', 'annually'],
  ['double', 'doubled', 'twofold', 'twice'],
  ['average', 'mean', 'typical'],
  ['help', 'support', 'assist', 'aid', 'facilitate'],
  ['develop', 'development', 'progress', 'advance', 'advancement'],
  ['improve', 'improvement', 'enhance', 'upgrade', 'strengthen', 'better'],
  ['start', 'begin', 'launch', 'initiate', 'introduce', 'establish'],
  ['rank', 'ranking', 'position', 'standing'],
  ['gap', 'difference', 'disparity', 'shortfall', 'imbalance'],
  ['rate', 'pace', 'speed'],
  ['region', 'area', 'zone', 'district', 'territory'],
  ['show', 'indicate', 'reveal', 'demonstrate', 'suggest'],
  ['data', 'statistics', 'figures', 'numbers', 'stats'],
  ['strong', 'robust', 'solid', 'powerful'],
  ['weak', 'insufficient', 'inadequate', 'lacking', 'deficient', 'shortage'],
  ['money', 'fund', 'funds', 'capital', 'investment', 'finance', 'financial'],
  ['income', 'earnings', 'profit'],
  ['revenue', 'turnover'],
  ['consumer', 'customer', 'buyer', 'user', 'consumption'],
  ['worker', 'employee', 'staff', 'labor', 'labour', 'workforce', 'talent', 'personnel'],
  ['buy', 'purchase', 'acquire'],
  ['sell', 'sale', 'sales', 'retail'],
  ['reason', 'cause', 'motivation', 'consideration', 'rationale'],
  ['future', 'upcoming', 'forthcoming', 'later', 'ahead'],
  ['plan', 'strategy', 'scheme', 'programme', 'program', 'blueprint'],
  ['city', 'municipal', 'urban', 'metropolitan'],
  ['service', 'services', 'servicing'],
  ['characteristic', 'feature', 'features', 'trait', 'attribute'],
  ['trend', 'tendency', 'direction', 'trajectory'],
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
