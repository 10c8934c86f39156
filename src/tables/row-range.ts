/** A band of values a table row or column stands for ("6 to 9", "10 or more", "less than 1 year"); bounds inclusive. */
export interface ValueRange {
  min: number;
  max: number;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
/** Words of a unit after a band ("years", "years of service"), which do not change it. */
const UNIT = String.raw`(?:\s+\p{L}+){0,3}`;
/** The smallest step a band's open bound is moved by ("more than 5" starts above 5). */
const STEP = 1e-9;

const RANGE_RULES: readonly [RegExp, (a: number, b: number) => ValueRange][] = [
  [new RegExp(String.raw`^${NUM}${UNIT}\s*(?:to|[-–—])\s*${NUM}${UNIT}$`, 'iu'), (a, b) => ({ min: a, max: b })],
  [
    new RegExp(String.raw`^${NUM}${UNIT}\s*(?:or more|or over|or above|and (?:over|above|more)|\+)$`, 'iu'),
    (a) => ({ min: a, max: Number.POSITIVE_INFINITY }),
  ],
  [
    new RegExp(String.raw`^(?:more than|over|above|greater than)\s+${NUM}${UNIT}$`, 'iu'),
    (a) => ({ min: a + STEP, max: Number.POSITIVE_INFINITY }),
  ],
  [
    new RegExp(String.raw`^(?:less than|under|below|fewer than)\s+${NUM}${UNIT}$`, 'iu'),
    (a) => ({ min: 0, max: a - STEP }),
  ],
  [new RegExp(String.raw`^(?:up to|not more than|at most)\s+${NUM}${UNIT}$`, 'iu'), (a) => ({ min: 0, max: a })],
];

/**
 * The band of values a label stands for: "6 to 9", "3–5 years", "10 or more", "10+", "more than 5 years", "less
 * than 1 year", "up to 2". Null for any other label, including a single number.
 */
export function labelRange(label: string | null | undefined): ValueRange | null {
  const text = label?.trim().replace(/\s+/gu, ' ');
  if (!text) return null;
  for (const [re, make] of RANGE_RULES) {
    const m = re.exec(text);
    if (!m) continue;
    const range = make(Number(m[1]), Number(m[2]));
    return range.min <= range.max ? range : null;
  }
  return null;
}

/** Whether a value falls in a band. */
export const inRange = (r: ValueRange, value: number): boolean => value >= r.min && value <= r.max;
