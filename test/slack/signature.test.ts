import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from '../../src/slack/signature.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const BODY = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fcitecheck&text=hello';
const NOW = 1_531_420_618_000;
const TS = String(NOW / 1000);

const reference = (secret: string, ts: string, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`, 'utf8').digest('hex')}`;

describe('Slack signatures', () => {
  it('signs v0:timestamp:body with HMAC-SHA256, for text and raw bytes alike', () => {
    expect(slackSignature(SECRET, TS, BODY)).toBe(reference(SECRET, TS, BODY));
    expect(slackSignature(SECRET, TS, new TextEncoder().encode('é'))).toBe(reference(SECRET, TS, 'é'));
  });

  it('accepts a genuine request within five minutes either way', () => {
    const signature = reference(SECRET, TS, BODY);
    expect(verifySlackSignature(SECRET, { timestamp: TS, signature, body: BODY }, NOW)).toEqual({ ok: true });
    expect(verifySlackSignature(SECRET, { timestamp: TS, signature, body: BODY }, NOW + 299_000).ok).toBe(true);
    expect(verifySlackSignature(SECRET, { timestamp: TS, signature, body: BODY }, NOW - 299_000).ok).toBe(true);
  });

  it('refuses stale, future, malformed, forged, tampered and unsigned requests', () => {
    const signature = reference(SECRET, TS, BODY);
    const check = (req: Partial<Parameters<typeof verifySlackSignature>[1]>, now = NOW) =>
      verifySlackSignature(SECRET, { timestamp: TS, signature, body: BODY, ...req }, now);
    expect(check({}, NOW + 301_000)).toEqual({ ok: false, reason: 'Slack request timestamp is too old' });
    expect(check({}, NOW - 301_000).ok).toBe(false);
    expect(check({ timestamp: `${TS}.5` }).ok).toBe(false);
    expect(check({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing Slack signature headers' });
    expect(check({ signature: undefined }).ok).toBe(false);
    expect(check({ signature: reference('other-secret', TS, BODY) })).toEqual({
      ok: false,
      reason: 'invalid Slack signature',
    });
    expect(check({ body: `${BODY}&x=1` }).ok).toBe(false);
    // A signature made for another timestamp does not carry over.
    expect(check({ signature: reference(SECRET, String(Number(TS) + 1), BODY) }).ok).toBe(false);
    // Different lengths are refused without throwing.
    expect(check({ signature: 'v0=abc' }).ok).toBe(false);
    expect(check({ signature: `${signature}00` }).ok).toBe(false);
  });
});
