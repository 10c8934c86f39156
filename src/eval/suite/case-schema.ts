import { z } from 'zod';

const nonEmptyStrings = z.array(z.string().min(1, 'must not be empty')).min(1, 'must list at least one string');

const regexList = nonEmptyStrings.superRefine((patterns, ctx) => {
  patterns.forEach((p, i) => {
    try {
      new RegExp(p, 'i');
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `invalid regular expression: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  });
});

/** One accepted numeric reading: passes when a number in the answer is within `tolerance` (inclusive). */
export const NumberExpectSchema = z
  .object({
    value: z.number().finite(),
    tolerance: z.number().finite().min(0, 'must be >= 0'),
  })
  .strict();

/** What counts as a pass; every present key must hold. */
export const ExpectSchema = z
  .object({
    contains: nonEmptyStrings.optional(),
    contains_any: nonEmptyStrings.optional(),
    not_contains: nonEmptyStrings.optional(),
    regex: regexList.optional(),
    not_regex: regexList.optional(),
    number: z
      .union([NumberExpectSchema, z.array(NumberExpectSchema).min(1, 'must list at least one value')])
      .optional(),
    abstain: z.boolean().optional(),
    cites: nonEmptyStrings.optional(),
  })
  .strict()
  .refine((e) => Object.values(e).some((v) => v !== undefined), 'must have at least one expectation');

/** One evaluation case as written in a suite file (see eval/README.md). */
export const EvalCaseSchema = z
  .object({
    id: z.string().min(1, 'must not be empty'),
    question: z.string().refine((q) => q.trim().length > 0, 'must not be empty'),
    history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() }).strict()).optional(),
    expect: ExpectSchema,
    tags: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  })
  .strict();

/** One accepted numeric reading of `expect.number`. */
export type NumberExpect = z.infer<typeof NumberExpectSchema>;
/** A case's `expect` object. */
export type Expect = z.infer<typeof ExpectSchema>;
/** A validated case. */
export type EvalCase = z.infer<typeof EvalCaseSchema>;
