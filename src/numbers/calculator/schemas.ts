import { z } from 'zod';
import { CURRENCIES, SCALES } from '../quantity.js';
import { MAX_VALUES, MIN_VALUES } from './args.js';

const quantityObject = z.object({
  value: z.number().describe('The number as written, in the given scale (12.5 for "US$12.5 billion").'),
  scale: z.enum(SCALES).optional().describe('Scale word that follows the number, if any.'),
  currency: z.enum(CURRENCIES).optional().describe('ISO currency code, if the figure is money.'),
  unit: z.enum(['%', 'pp', 'x']).optional().describe('Percent, percentage points or multiple, if any.'),
});

/** A number, a quantity string ("US$12.5 billion", "3.4 trillion yuan", "18%") or a quantity object. */
export const quantitySchema = z.union([z.number(), z.string(), quantityObject]);

const amount = (what: string) =>
  quantitySchema.describe(
    `${what}. A number, a string exactly as quoted ("US$12.5 billion", "3.4 trillion yuan", "3.4万亿元") ` +
      'or {value, scale?, currency?}. A bare number is taken to be in the unit of the other operand.',
  );

const percent = (what: string) => quantitySchema.describe(`${what}, in percent: 18 or "18%".`);

const exchangeRate = z
  .union([
    z.number().positive(),
    z.object({
      from: z.enum(CURRENCIES).describe('Currency of one unit, e.g. USD.'),
      to: z.enum(CURRENCIES).describe('Currency it buys, e.g. EUR.'),
      value: z.number().positive().describe('Units of `to` per one `from`, e.g. 0.92.'),
    }),
  ])
  .optional()
  .describe(
    'Exchange rate, only needed when the two amounts are in different currencies: either ' +
      '{from: "USD", to: "EUR", value: 0.92} (1 USD = 0.92 EUR) or a number giving units of the ' +
      "first operand's currency per one unit of the second operand's currency.",
  );

const years = (what: string) => z.number().describe(what);

const valueList = (what: string) =>
  z
    .array(quantitySchema)
    .min(MIN_VALUES)
    .max(MAX_VALUES)
    .describe(
      `${what}: ${MIN_VALUES} to ${MAX_VALUES} values, each a number, a string exactly as quoted ("US$12.5 billion", "3.4 trillion yuan", "18%") ` +
        'or {value, scale?, currency?}. All must be of one kind: amounts in one currency (scales may differ), ' +
        'or all percentages, or all plain numbers. A bare number is taken to be in the unit of the first value that has one.',
    );

/** Zod schema and model-facing description of every calculator operation. */
export const calcOps = {
  growth_rate: {
    description: 'Percent change from one value to another: (to - from) / from.',
    schema: z.object({
      from: amount('Earlier value'),
      to: amount('Later value'),
      rate: exchangeRate,
    }),
  },
  cagr: {
    description:
      'Compound annual growth rate in percent: (end / start)^(1 / years) - 1. Give either `years` ' +
      'or both `startYear` and `endYear` (years = endYear - startYear, so 2016 to 2021 is 5 years).',
    schema: z.object({
      start: amount('Value at the start of the period (must be > 0)'),
      end: amount('Value at the end of the period'),
      years: z
        .number()
        .optional()
        .describe('Length of the period in years (> 0); omit when giving startYear and endYear.'),
      startYear: z.number().optional().describe('Calendar year of the start value, e.g. 2016.'),
      endYear: z.number().optional().describe('Calendar year of the end value, e.g. 2021.'),
      rate: exchangeRate,
    }),
  },
  annualized_multiple: {
    description:
      'Annual growth rate implied by "grew N times in Y years": multiple^(1 / years) - 1. ' +
      '"Increased N times" is read as ending at N times the starting level (N×), not at N + 1 times.',
    schema: z.object({
      multiple: quantitySchema.describe('Ending level as a multiple of the starting level: 4, "4 times" or "4×".'),
      years: years('Number of years over which the multiple was reached (> 0).'),
    }),
  },
  pp_change: {
    description: 'Percentage-point change between two shares: to - from.',
    schema: z.object({
      from: percent('Earlier share'),
      to: percent('Later share'),
    }),
  },
  share: {
    description: 'What percent `part` is of `whole`: part / whole.',
    schema: z.object({
      part: amount('The part'),
      whole: amount('The whole (must be > 0)'),
      rate: exchangeRate,
    }),
  },
  implied_whole: {
    description: 'The whole that `part` is `share` percent of: part / (share / 100).',
    schema: z.object({
      part: amount('The known part'),
      share: percent('Share the part represents of the whole (must be > 0)'),
    }),
  },
  implied_base: {
    description: 'Previous-period value implied by a value and its growth rate: value / (1 + growth / 100).',
    schema: z.object({
      value: amount('Current-period value'),
      growth: percent('Growth over the previous period (must be > -100)'),
    }),
  },
  ratio: {
    description: '`a` as a multiple of `b`: a / b.',
    schema: z.object({
      a: amount('Numerator'),
      b: amount('Denominator (must not be 0)'),
      rate: exchangeRate,
    }),
  },
  difference: {
    description: 'Absolute difference a - b, in the unit of `a`.',
    schema: z.object({
      a: amount('Value to subtract from'),
      b: amount('Value to subtract'),
      rate: exchangeRate,
    }),
  },
  average: {
    description:
      'Arithmetic mean of two or more values, e.g. three yearly amounts: (a + b + c) / 3. ' +
      'The mean of percentages is a percentage; the mean of amounts is in their currency.',
    schema: z.object({
      values: valueList('The values to average'),
    }),
  },
  sum: {
    description:
      'Total of two or more values, e.g. the parts of a whole or the amounts of several periods: a + b + c. ' +
      'The sum of percentages is a percentage; the sum of amounts is in their currency.',
    schema: z.object({
      values: valueList('The values to add'),
    }),
  },
  product: {
    description:
      'A value taken a number of times, in the unit of the value: value × times ' +
      '(a weekly rent over a 40-week contract: 142 × 40; one ticket price for three people).',
    schema: z.object({
      value: amount('The value of one unit: a weekly rent, a ticket price'),
      times: z.number().describe('How many units (40 for 40 weeks, 3 for three tickets); > 0.'),
    }),
  },
  project: {
    description: 'Value compounded forward: value × (1 + rate / 100)^years.',
    schema: z.object({
      value: amount('Starting value'),
      rate: percent('Growth rate per year (must be > -100)'),
      years: years('Number of years to compound (> 0).'),
    }),
  },
} as const;

/** Name of a calculator operation. */
export type CalcOp = keyof typeof calcOps;

/** All operation names, in a stable order. */
export const CALC_OPS = Object.keys(calcOps) as CalcOp[];

/** True when `op` names a calculator operation. */
export function isCalcOp(op: string): op is CalcOp {
  return Object.hasOwn(calcOps, op);
}
