import { AppError } from '../../errors.js';
import { type Args, handlers } from './operations.js';
import type { CalcResult } from './result.js';
import { CALC_OPS, type CalcOp, calcOps, isCalcOp } from './schemas.js';

/**
 * Runs one indicator calculation.
 * @param op - one of {@link CALC_OPS}.
 * @param args - the operation's arguments (see `calcOps[op].schema`).
 * @throws AppError('invalid_argument') for an unknown op, missing or invalid arguments,
 *   or a result that would not be a finite number.
 */
export function calculate(op: string, args: Record<string, unknown>): CalcResult {
  if (!isCalcOp(op)) {
    throw new AppError('invalid_argument', `unknown operation '${op}' (expected one of ${CALC_OPS.join(', ')})`, {
      op,
    });
  }
  if (!args || typeof args !== 'object' || Array.isArray(args)) {
    throw new AppError('invalid_argument', `${op}: arguments must be an object`, { op });
  }
  const out = handlers[op](args);
  if (!Number.isFinite(out.value)) {
    throw new AppError('invalid_argument', `${op}: the result is not a finite number; check the arguments`, { op });
  }
  return { op, args: echoArgs(op, args), ...out, value: out.value === 0 ? 0 : out.value };
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** An object's primitive fields; anything else (an array, a function) becomes null. */
function shallow(v: unknown): Record<string, unknown> | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => isPrimitive(x)));
}

/** The arguments the operation knows, as given; nested objects (also as list items) keep only their primitive fields. */
function echoArgs(op: CalcOp, args: Args): Args {
  const echo: Args = {};
  for (const key of Object.keys(calcOps[op].schema.shape)) {
    const v = args[key];
    if (isPrimitive(v)) echo[key] = v;
    else if (Array.isArray(v)) echo[key] = v.map((x) => (isPrimitive(x) ? x : shallow(x)));
    else if (v && typeof v === 'object') echo[key] = shallow(v);
  }
  return echo;
}
