import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER_RE = /^Bearer[ \t]+(\S+)\s*$/i;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * True when an `Authorization` header value is `Bearer <token>` for one of `tokens` (the scheme is
 * case-insensitive). Values are compared as SHA-256 digests in constant time, and every token is
 * compared, so neither which token matched nor any token's content or length leaks through timing.
 */
export function bearerMatches(header: string | undefined, tokens: readonly string[]): boolean {
  const given = BEARER_RE.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  const hash = digest(given);
  let ok = false;
  for (const token of tokens) ok = timingSafeEqual(hash, digest(token)) || ok;
  return ok;
}
