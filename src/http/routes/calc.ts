import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CALC_OPS, calculate } from '../../numbers/index.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { readJson } from '../json-body.js';
import { ErrorSchema } from '../schemas.js';

const CalcRequestSchema = z
  .object({
    op: z.enum(CALC_OPS).describe('Operation name'),
    args: z.record(z.string(), z.unknown()).describe('Arguments of the operation (see the calculator reference)'),
  })
  .strict();

/** Body of a 200 from `POST /api/calc`. */
export const CalcResponseSchema = z.object({
  op: z.string(),
  args: z.record(z.string(), z.unknown()),
  value: z.number(),
  display: z.string(),
  unit: z.string().nullable(),
  formula: z.string(),
});

const calcRoute = createRoute({
  method: 'post',
  path: '/api/calc',
  summary: `Indicator calculator: ${CALC_OPS.join(', ')}`,
  request: { body: { content: { 'application/json': { schema: CalcRequestSchema } }, required: true } },
  responses: {
    200: {
      content: { 'application/json': { schema: CalcResponseSchema } },
      description: 'The result, unrounded value plus display and formula',
    },
    400: {
      content: { 'application/json': { schema: ErrorSchema } },
      description: 'Invalid operation or arguments (the message names the argument)',
    },
    415: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Body is not JSON' },
  },
});

/** `POST /api/calc {op, args}`. */
export function calcRoutes(_deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi({ ...calcRoute, request: {}, hide: true }, async (c) => {
    const { op, args } = await readJson(c, CalcRequestSchema);
    return c.json(calculate(op, args), 200);
  });
  app.openAPIRegistry.registerPath(calcRoute);
  return app;
}
