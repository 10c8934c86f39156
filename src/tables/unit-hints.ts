import type { Currency, Scale } from '../numbers/quantity.js';
import type { UnitHint } from './types.js';

/** Scale statements: "in thousands", "(in millions)", "$'000", "€000", "RMB million", "$ in billions". */
const SCALE_RULES: readonly [RegExp, Scale][] = [
  [
    new RegExp(
      [
        String.raw`\bin\s+thousands\b`,
        String.raw`\(\s*1,000s?\s*\)`,
        String.raw`\bin 1,000s?\b`,
        String.raw`['’]000s?\b`,
        String.raw`\(\s*000['’]?s?\s*\)`,
        String.raw`[$€£]\s?000\b`,
        String.raw`\bthousands of\b`,
        String.raw`\b(?:RMB|USD|EUR|GBP|HKD|US\$|\$|€|£)\s?(?:thousands?|k)\b`,
        String.raw`\bthousand\b`,
      ].join('|'),
      'iu',
    ),
    'thousand',
  ],
  [
    new RegExp(
      [
        String.raw`\bin\s+millions\b`,
        String.raw`\bmillions of\b`,
        String.raw`\b(?:RMB|USD|EUR|GBP|HKD|JPY)\s?(?:millions?|mn|m)\b`,
        String.raw`(?:US\$|\$|€|£)\s?(?:millions?|mn|m)\b`,
        String.raw`\bmillion\b`,
      ].join('|'),
      'iu',
    ),
    'million',
  ],
  [
    new RegExp(
      [
        String.raw`\bin\s+billions\b`,
        String.raw`\bbillions of\b`,
        String.raw`\b(?:RMB|USD|EUR|GBP|HKD|JPY)\s?(?:billions?|bn)\b`,
        String.raw`(?:US\$|\$|€|£)\s?(?:billions?|bn)\b`,
        String.raw`\bbillion\b`,
      ].join('|'),
      'iu',
    ),
    'billion',
  ],
];
const CURRENCY_RULES: readonly [RegExp, Currency][] = [
  [/US\$|\bUSD\b|\bU\.S\. dollars?\b|\$/u, 'USD'],
  [/€|\bEUR\b|\beuros?\b/iu, 'EUR'],
  [/£|\bGBP\b|\bpounds? sterling\b/iu, 'GBP'],
  [/\bRMB\b|\bCNY\b|\byuan\b|¥|￥/iu, 'CNY'],
  [/HK\$|\bHKD\b/u, 'HKD'],
  [/\bJPY\b|\byen\b/iu, 'JPY'],
];
/** A header or label that says its figures are percentages: "(%)", "% of sales", "margin %", "in percent". */
const PERCENT_RE = /\(\s*%\s*\)|^\s*%|%\s*$|\bin percent\b|\bpercent(?:age)? of\b|\s%\s/iu;

/**
 * Scale, currency and percent stated in a header, caption, label or lead paragraph. Only the first
 * scale statement counts; text that states none gives an empty hint.
 */
export function readUnitHint(text: string): UnitHint {
  const hint: UnitHint = {};
  let first = Infinity;
  for (const [re, scale] of SCALE_RULES) {
    const m = re.exec(text);
    if (m && m.index < first) {
      first = m.index;
      hint.scale = scale;
    }
  }
  const currency = CURRENCY_RULES.find(([re]) => re.test(text))?.[1];
  if (currency) hint.currency = currency;
  if (PERCENT_RE.test(text)) hint.percent = true;
  return hint;
}

/**
 * A scale statement in running text above a table ("amounts in thousands", "(in millions, except per
 * share data)"); unlike {@link readUnitHint} a bare "million" in a sentence does not count.
 */
export function leadScale(text: string): Scale | undefined {
  const m = /\bin\s+(thousands|millions|billions)\b|['’]000s?\b/iu.exec(text);
  if (!m) return undefined;
  const word = (m[1] ?? 'thousands').toLowerCase();
  return word.startsWith('thousand') ? 'thousand' : word.startsWith('million') ? 'million' : 'billion';
}

/** The first hint's fields, filled in from the later ones. */
export function mergeHints(...hints: readonly UnitHint[]): UnitHint {
  const out: UnitHint = {};
  for (const h of hints) {
    if (out.scale === undefined && h.scale) out.scale = h.scale;
    if (out.currency === undefined && h.currency) out.currency = h.currency;
    if (out.percent === undefined && h.percent) out.percent = true;
  }
  return out;
}
