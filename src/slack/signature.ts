import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request timestamp may be from now, in seconds (Slack recommends five minutes). */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/** What {@link verifySlackSignature} needs from a request. */
export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`, `v0=` followed by a hex digest. */
  signature: string | undefined;
  /** The body exactly as received, before any parsing. */
  body: Uint8Array | string;
}

/** Outcome of a verification; `reason` says why a request was refused. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** Signature Slack sends for `body` at `timestamp`: `v0=` + hex HMAC-SHA256 of `v0:timestamp:body`. */
export function slackSignature(secret: string, timestamp: string, body: Uint8Array | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}

/**
 * Checks a request's Slack signature: the timestamp must be an integer within
 * {@link MAX_CLOCK_SKEW_S} of `nowMs`, and the signature must match, compared in constant time.
 */
export function verifySlackSignature(secret: string, req: SignedRequest, nowMs = Date.now()): VerifyResult {
  if (!req.timestamp || !req.signature) return { ok: false, reason: 'missing Slack signature headers' };
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: 'invalid Slack request timestamp' };
  if (Math.abs(nowMs / 1000 - Number(req.timestamp)) > MAX_CLOCK_SKEW_S) {
    return { ok: false, reason: 'Slack request timestamp is too old' };
  }
  const expected = Buffer.from(slackSignature(secret, req.timestamp, req.body), 'utf8');
  const given = Buffer.from(req.signature, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch is already a refusal and reveals nothing secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid Slack signature' };
  }
  return { ok: true };
}
