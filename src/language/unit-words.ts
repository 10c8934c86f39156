/** Display-name words that are currencies but also everyday English ("Special Drawing Rights", "Gold"). */
const COMMON_WORDS = new Set(['rights', 'gold', 'mark', 'real', 'won', 'sol']);
/** English names of currency units that are not the last word of an ISO currency's display name. */
const EXTRA = ['crown', 'cent', 'penny', 'pence', 'renminbi'];

let words: ReadonlySet<string> | undefined;

/**
 * Currency unit names in English, from the ICU data Node ships (`Intl.DisplayNames` over
 * `Intl.supportedValuesOf('currency')`: "US Dollar" -> "dollar", "Chinese Yuan" -> "yuan"), with their plurals.
 */
function currencyWords(): ReadonlySet<string> {
  if (words) return words;
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  const last = Intl.supportedValuesOf('currency').map((c) => names.of(c)?.split(' ').pop()?.toLowerCase() ?? '');
  const singular = [...last.filter((w) => /^\p{L}+$/u.test(w) && !COMMON_WORDS.has(w)), ...EXTRA];
  words = new Set(singular.flatMap((w) => [w, `${w}s`]));
  return words;
}

const MONEY_WORD_RE = /^(?:money|monies)$/iu;

/** Whether a word names an amount of money in general ("how much money"), which documents write with a currency sign. */
export function isMoneyWord(word: string): boolean {
  return MONEY_WORD_RE.test(word);
}

/** Whether a word names a currency unit ("yuan", "euros", "crowns"). */
export function isCurrencyWord(word: string): boolean {
  return currencyWords().has(word.toLowerCase());
}

let codes: ReadonlySet<string> | undefined;

/** Whether a word is an ISO 4217 currency code as Node's ICU data lists them ("INR", "USD"), or "RMB". */
export function isCurrencyCode(word: string): boolean {
  codes ??= new Set([...Intl.supportedValuesOf('currency'), 'RMB']);
  return codes.has(word);
}

/** Units and unit modifiers Node's unit identifiers lack, and British spellings of those it has. */
const EXTRA_UNITS =
  'metre kilometre centimetre millimetre litre millilitre ton tonne horsepower watt kilowatt megawatt gigawatt volt ampere joule calorie cubic square knot'.split(
    ' ',
  );

let units: ReadonlySet<string> | undefined;

/** Units of measure from Node's ICU unit identifiers (`Intl.supportedValuesOf('unit')`), with plurals. */
function unitWords(): ReadonlySet<string> {
  if (units) return units;
  const ids = Intl.supportedValuesOf('unit').flatMap((u) => u.split('-'));
  const singular = [...ids.filter((w) => /^\p{L}+$/u.test(w) && w !== 'per' && w !== 'fluid'), ...EXTRA_UNITS];
  units = new Set(singular.flatMap((w) => [w, `${w}s`, w.endsWith('s') ? `${w}es` : `${w}s`]));
  return units;
}

/** Whether a word names a unit of measure ("kilometers", "litres", "hours", "cubic"). */
export function isUnitWord(word: string): boolean {
  return unitWords().has(word.toLowerCase());
}
