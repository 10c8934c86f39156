import { nounLexFile } from './noun-kinds.js';

/** A dimension a figure's unit measures and a question can ask about: a physical one, or money. */
export type Dimension = 'length' | 'mass' | 'area' | 'volume' | 'time' | 'temperature' | 'money';

/**
 * Unit words of each dimension: Node's ICU unit identifiers (`Intl.supportedValuesOf('unit')`) with British
 * spellings, plurals and the usual abbreviations.
 */
const UNITS: Readonly<Record<Exclude<Dimension, 'money'>, readonly string[]>> = {
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
  volume: ['liter', 'litre', 'milliliter', 'millilitre', 'gallon', 'ml', 'l', 'cl', 'pint'],
  time: [
    'second',
    'minute',
    'hour',
    'day',
    'week',
    'fortnight',
    'month',
    'year',
    'decade',
    'century',
    'centuries',
    'millisecond',
    'ms',
    'min',
    'mins',
    'hr',
    'hrs',
    'sec',
    'secs',
  ],
  temperature: ['degree', 'celsius', 'fahrenheit', 'kelvin', '°c', '°f'],
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

/** "What" or "what is the", with one word of its own, before a dimension's noun. */
const WHAT = String.raw`\bwhat (?:(?:is|was|are|were) )?(?:(?:the|its|their) )?(?:[\p{L}-]+ )?`;

/**
 * Wordings that ask for a measure of some dimension: "how" with an adjective of degree ("how heavy", "how long"), or
 * "what" with a dimension's noun ("what temperature", "what is the weight"). "How long" asks for a length or a time,
 * "how big" for any extent or amount, and "how much does it cost" or "what is the fee" for money; "how high" and "how
 * low" are left out, as they ask for prices, rates and temperatures as often as for heights.
 */
const ASKED: ReadonlyArray<[RegExp, readonly Dimension[]]> = [
  [/\bhow long\b(?! ago)/iu, ['length', 'time']],
  [
    new RegExp(String.raw`\bhow (?:far|tall|deep|wide|thick)\b|${WHAT}(?:length|height|depth|width|distance)\b`, 'iu'),
    ['length'],
  ],
  [
    new RegExp(String.raw`\bhow heavy\b|\bhow much (?:[\p{L}-]+ ){0,3}weigh\b|${WHAT}(?:weight|mass)\b`, 'iu'),
    ['mass'],
  ],
  [new RegExp(String.raw`\bhow (?:hot|warm|cold|cool)\b|${WHAT}temperature\b`, 'iu'), ['temperature']],
  [new RegExp(String.raw`\bhow old\b|${WHAT}(?:duration|age)\b`, 'iu'), ['time']],
  [new RegExp(String.raw`${WHAT}(?:volume|capacity)\b`, 'iu'), ['volume']],
  [
    new RegExp(String.raw`\bhow (?:big|large|small)\b|${WHAT}size\b`, 'iu'),
    ['length', 'area', 'volume', 'mass', 'money'],
  ],
  [
    new RegExp(
      String.raw`\bhow much\b[^?]*\b(?:cost|costs|pay|charge|charged|charges|spend)\b|\bhow much money\b|${WHAT}(?:cost|price|fee|charge|rent)\b`,
      'iu',
    ),
    ['money'],
  ],
];

/** "How long" and the noun it asks about: "how long is the ferry crossing" gives "crossing". */
const HOW_LONG_IS_RE =
  /\bhow long (?:is|was|are|were|will be) (?:the |a |an |this |that |its |their )?([\p{L}-]+(?: [\p{L}-]+){0,3}?)(?= (?:from|of|in|on|at|to|between|across|over|for|with)\b|\s*\?|\s*$)/iu;
/** "How long" with a verb of doing: "how long does the crossing take", "how long did she serve". */
const HOW_LONG_DOES_RE = /\bhow long (?:does|did|do|will|would|can|could|has|have|had)\b/iu;
/**
 * WordNet lexicographer files (see lexnames(5WN)) of nouns whose "how long" is a time: acts, events, processes,
 * states, times.
 */
const TIMED_NOUNS = new Set(['04', '11', '22', '26', '28']);
/** Lexicographer files of nouns whose "how long" is a length: artifacts, bodies, animals, places, objects, plants. */
const EXTENDED_NOUNS = new Set(['05', '06', '08', '15', '17', '20']);

/**
 * What "how long" asks of its question: a time when the question asks how long something takes or goes on, or its
 * noun's most frequent WordNet sense is an act, event or time ("the ferry ride", "the trial", "the cooling-off
 * period"); a length when it is a thing or place ("the bridge", "the river"); either otherwise ("the Normans").
 */
function howLong(question: string): readonly Dimension[] {
  if (HOW_LONG_DOES_RE.test(question)) return ['time'];
  const words = HOW_LONG_IS_RE.exec(question)?.[1]?.split(' ') ?? [];
  const lexFile = words.length ? nounLexFile(words) : undefined;
  if (lexFile && TIMED_NOUNS.has(lexFile)) return ['time'];
  return lexFile && EXTENDED_NOUNS.has(lexFile) ? ['length'] : ['length', 'time'];
}

/** The dimensions a question asks a measure of ("how heavy" -> mass, "how long" -> length or time); none if none. */
export function askedDimensions(question: string): readonly Dimension[] {
  const asked = ASKED.find(([re]) => re.test(question))?.[1] ?? [];
  return asked.includes('length') && asked.includes('time') && asked.length === 2 ? howLong(question) : asked;
}

/** A unit of measure written after a figure: its word as written, lower-cased, and its dimension. */
export interface WrittenUnit {
  word: string;
  dimension: Dimension;
}

/** The unit written right after a figure ("604 metres", "12 km long", "80 °C"), if it measures a dimension. */
export function unitAfter(textAfter: string): WrittenUnit | undefined {
  const word = /^\s*([\p{L}²]+|°[CF]\b)/u.exec(textAfter)?.[1]?.toLowerCase();
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
 * "year", whose figures are durations, and "percent"), the words of length, mass and area above and
 * {@link UNIT_ABBREVIATIONS}.
 */
function unitWords(): ReadonlySet<string> {
  if (measureUnits) return measureUnits;
  const icu = Intl.supportedValuesOf('unit').filter((u) => u !== 'year' && u !== 'percent');
  measureUnits = new Set([...icu, ...UNITS.length, ...UNITS.mass, ...UNITS.area, ...UNIT_ABBREVIATIONS]);
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

/** A length placing something away from somewhere: "14 km west of the town", "3 km from the harbour", "2 miles away". */
const DISTANCE_AFTER_RE =
  /^\s*[\p{L}.]+\s+(?:(?:due\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:wards)?\s+of|from|away|off)\b/iu;

/** Whether a figure, by the text right after it, is a distance from somewhere rather than the size of a thing. */
export function isDistanceAfter(textAfter: string): boolean {
  return unitAfter(textAfter)?.dimension === 'length' && DISTANCE_AFTER_RE.test(textAfter);
}

/** The question asks for the size of a thing, which a distance from somewhere does not give ("how tall", "what depth"). */
const EXTENT_RE = /\bhow (?:tall|deep|thick|wide)\b|\bwhat (?:is|was) (?:the )?(?:height|depth|width|thickness)\b/iu;

/** Whether a question asks how tall, deep, thick or wide something is. */
export const asksExtent = (question: string): boolean => EXTENT_RE.test(question);
