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

/** Whether a word names a currency unit ("yuan", "euros", "crowns"). */
export function isCurrencyWord(word: string): boolean {
  return currencyWords().has(word.toLowerCase());
}
