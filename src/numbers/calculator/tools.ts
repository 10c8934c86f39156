import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { isAppError } from '../../errors.js';
import { calculate } from './calculator.js';
import { CALC_OPS, type CalcOp, calcOps } from './schemas.js';

/** A tool's failure as the model reads it: `{"error": {"code", "message"}}`, which it can correct. */
export function toolErrorJson(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Runs an operation for a model and returns JSON: the CalcResult, or
 * `{"error": {"code", "message"}}` that the model can read and correct.
 */
export function runCalculatorTool(op: string, args: unknown): string {
  try {
    const input = args && typeof args === 'object' ? (args as Record<string, unknown>) : {};
    const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    return JSON.stringify(calculate(op, clean));
  } catch (err) {
    const code = isAppError(err) ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    return toolErrorJson(code, message);
  }
}

/**
 * The same shape as `schema`, but each field falls back to undefined instead of failing,
 * so malformed input reaches `calculate` and comes back as a readable error message.
 * The JSON schema the model sees is unchanged.
 */
function tolerant(schema: z.ZodObject): z.ZodObject {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field as z.ZodType).catch(undefined)]),
  );
  return z.object(shape);
}

function makeTool(op: CalcOp) {
  const { description, schema } = calcOps[op];
  return tool(async (input: Record<string, unknown>) => runCalculatorTool(op, input), {
    name: op,
    description: `${description} Returns JSON {op, args, value, display, unit, formula} or {error}.`,
    schema: tolerant(schema),
  });
}

/** One LangChain tool per calculator operation, named after the operation. */
export const calculatorTools = CALC_OPS.map(makeTool);
