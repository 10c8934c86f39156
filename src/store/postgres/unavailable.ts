import { AppError } from '../../errors.js';

/**
 * Runs `fn` against the shared store and turns a failure to reach it (connection refused or lost,
 * pool timeout, statement cancelled) into `store_unavailable`, which the HTTP layer answers with 503.
 * Errors the database raised for the statement itself (constraint, syntax) pass through unchanged.
 */
export async function orUnavailable<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw isConnectionFailure(err)
      ? new AppError('store_unavailable', `The database is unavailable (${what}); try again shortly`)
      : err;
  }
}

/** SQLSTATE classes of a lost or refused connection, a server shutting down or a cancelled statement. */
const UNAVAILABLE_SQLSTATE = /^(08|57|53)/;

/** True when `err` says the database could not be reached or went away, rather than rejecting a statement. */
export function isConnectionFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (/^E(CONNREFUSED|CONNRESET|PIPE|HOSTUNREACH|NETUNREACH|TIMEDOUT|AI_AGAIN)$|^ENOTFOUND$/.test(code)) return true;
  }
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    err.message,
  );
}
