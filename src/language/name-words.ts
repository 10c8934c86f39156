import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The first-name lists `human-names` ships, by language (popular given names, female and male). */
const NAME_LISTS = ['en', 'de', 'es', 'fr', 'it', 'nl'].flatMap((lang) => [
  `human-names/data/female-human-names-${lang}.json`,
  `human-names/data/male-human-names-${lang}.json`,
]);

let firstNames: ReadonlySet<string> | undefined;
let regions: ReadonlySet<string> | undefined;

/** Whether a word is a popular given name in English, German, Spanish, French, Italian or Dutch ("John", "Maria"). */
export function isFirstName(word: string): boolean {
  firstNames ??= new Set(NAME_LISTS.flatMap((file) => require(file) as string[]));
  return firstNames.has(word);
}

/**
 * English names of the world's countries, territories and regions, from the ICU data Node ships
 * (`Intl.DisplayNames` over ISO 3166 codes and UN M.49 areas: "France", "Syria", "Europe", "Latin America").
 */
function regionNames(): ReadonlySet<string> {
  if (regions) return regions;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
  const found = codes.flatMap((c) => {
    try {
      const name = names.of(c);
      return name ? [name.toLowerCase()] : [];
    } catch {
      return [];
    }
  });
  regions = new Set(found);
  return regions;
}

/** Whether a phrase is the name of a country, territory or world region ("Spain", "northern Africa" is not). */
export function isRegionName(phrase: string): boolean {
  return regionNames().has(phrase.toLowerCase());
}
