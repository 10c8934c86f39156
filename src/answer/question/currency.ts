import type { Currency } from '../../numbers/index.js';

/** Words a question names a currency with ("in dollars", "how many yuan", "多少美元"); "pound" is left out (weight). */
const CURRENCY_WORDS: ReadonlyArray<[RegExp, Currency]> = [
  [/\b(?:US\s?dollars?|U\.S\. dollars?|dollars?|USD)\b|US\$|美元/iu, 'USD'],
  [/\b(?:yuan|RMB|renminbi|CNY)\b|人民币|(?<!美|港|日|欧)元/iu, 'CNY'],
  [/\b(?:euros?|EUR)\b/iu, 'EUR'],
  [/\b(?:yen|JPY)\b/iu, 'JPY'],
];

/** Names of currencies as an answer words them. */
export const CURRENCY_NAMES: Readonly<Record<Currency, string>> = {
  USD: 'US dollars',
  CNY: 'yuan',
  EUR: 'euros',
  GBP: 'pounds',
  JPY: 'yen',
  HKD: 'Hong Kong dollars',
};

/** The one currency a question asks its figure in, if it names exactly one. */
export function askedCurrency(question: string): Currency | undefined {
  const named = CURRENCY_WORDS.filter(([re]) => re.test(question)).map(([, c]) => c);
  return named.length === 1 ? named[0] : undefined;
}

/** The question asks what something costs: "how much does X cost", "how much is a ticket", "the price of X". */
const PRICE_QUESTION_RE =
  /\bhow much (?:does|do|did|will|would)\b[^?]*\b(?:cost|charge)\b|\bwhat (?:is|was|are|were) the (?:price|cost|fee|fare)s? (?:of|for)\b|\bhow much is (?:a|an|one)\b/iu;

/** Whether the question asks for a price, which only an amount of money answers. */
export const asksPrice = (question: string): boolean => PRICE_QUESTION_RE.test(question);
