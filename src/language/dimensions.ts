/** A physical dimension a comparison can ask about. */
export type Dimension = 'length' | 'mass' | 'area';

/**
 * Unit words of each dimension: Node's ICU unit identifiers (`Intl.supportedValuesOf('unit')`) with British
 * spellings, plurals and the usual abbreviations.
 */
const UNITS: Readonly<Record<Dimension, readonly string[]>> = {
  length: [
    'meter',
    'metre',
    'kilometer',
    'kilometre',
    'centimeter',
    'centimetre',
    'millimeter',
    'millimetre',
    'mile',
    'foot',
    'feet',
    'inch',
    'inches',
    'yard',
    'km',
    'm',
    'cm',
    'mm',
    'ft',
  ],
  mass: ['gram', 'kilogram', 'tonne', 'ton', 'pound', 'ounce', 'stone', 'kg', 'g', 't', 'lb', 'lbs'],
  area: ['acre', 'hectare', 'km²', 'm²', 'ha'],
};

/** Comparatives that ask which of two things is greater in a dimension ("how many times longer"). */
const COMPARATIVES: ReadonlyArray<[RegExp, Dimension]> = [
  [/\b(?:longer|shorter|taller|higher|deeper|wider|narrower|further|farther)\b/iu, 'length'],
  [/\b(?:heavier|lighter)\b/iu, 'mass'],
];

let byWord: ReadonlyMap<string, Dimension> | undefined;

/** The dimension a unit word measures ("metres" -> length), if any. */
export function unitDimension(word: string): Dimension | undefined {
  if (!byWord) {
    const m = new Map<string, Dimension>();
    for (const [dim, words] of Object.entries(UNITS) as [Dimension, readonly string[]][])
      for (const w of words) for (const form of [w, `${w}s`, `${w}es`]) m.set(form, dim);
    byWord = m;
  }
  return byWord.get(word.toLowerCase());
}

/** The dimension a question's comparative asks about ("how many times longer is X than Y" -> length), if any. */
export function askedDimension(question: string): Dimension | undefined {
  return COMPARATIVES.find(([re]) => re.test(question))?.[1];
}

/** A unit of measure written after a figure: its word as written, lower-cased, and its dimension. */
export interface WrittenUnit {
  word: string;
  dimension: Dimension;
}

/** The unit written right after a figure ("604 metres", "12 km long"), if it measures a dimension. */
export function unitAfter(textAfter: string): WrittenUnit | undefined {
  const word = /^\s*([\p{L}²]+)/u.exec(textAfter)?.[1]?.toLowerCase();
  const dimension = word ? unitDimension(word) : undefined;
  return word && dimension ? { word, dimension } : undefined;
}

/** Abbreviations of units of data, rate and time that ICU's identifiers do not spell ("2 GB", "100 Mbit/s"). */
const UNIT_ABBREVIATIONS: readonly string[] = [
  'kb',
  'mb',
  'gb',
  'tb',
  'pb',
  'kbit/s',
  'mbit/s',
  'gbit/s',
  'ms',
  'min',
  'hr',
];

let measureUnits: ReadonlySet<string> | undefined;

/**
 * Every unit word a count may be written with: Node's ICU unit identifiers (`Intl.supportedValuesOf('unit')`, but
 * "year", whose figures are durations, and "percent"), the dimension words above and {@link UNIT_ABBREVIATIONS}.
 */
function unitWords(): ReadonlySet<string> {
  if (measureUnits) return measureUnits;
  const icu = Intl.supportedValuesOf('unit').filter((u) => u !== 'year' && u !== 'percent');
  measureUnits = new Set([...icu, ...Object.values(UNITS).flat(), ...UNIT_ABBREVIATIONS]);
  return measureUnits;
}

/**
 * The unit of measure written right after a count ("52 weeks" -> "week", "2 GB" -> "gb", "100 Mbit/s" -> "mbit/s"),
 * lower-cased and singular, if it is one.
 */
export function measureUnitAfter(textAfter: string): string | undefined {
  const word = /^\s*([\p{L}²]+(?:\/s)?)/u.exec(textAfter)?.[1]?.toLowerCase();
  if (!word) return undefined;
  const units = unitWords();
  return [word, word.replace(/e?s$/u, ''), word.replace(/s$/u, '')].find((w) => units.has(w));
}
