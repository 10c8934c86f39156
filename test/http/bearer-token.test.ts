import { describe, expect, it } from 'vitest';
import { bearerMatches } from '../../src/http/bearer-token.js';

describe('bearerMatches', () => {
  it('matches one of the tokens exactly, the scheme in any case', () => {
    expect(bearerMatches('Bearer k1', ['k0', 'k1'])).toBe(true);
    expect(bearerMatches('bearer k1', ['k1'])).toBe(true);
    expect(bearerMatches('Bearer\tk1 ', ['k1'])).toBe(true);
    expect(bearerMatches('Bearer k1x', ['k1'])).toBe(false);
    expect(bearerMatches('Bearer k', ['k1'])).toBe(false);
    expect(bearerMatches('k1', ['k1'])).toBe(false);
    expect(bearerMatches('Basic k1', ['k1'])).toBe(false);
    expect(bearerMatches('Bearer k1 k2', ['k1'])).toBe(false);
    expect(bearerMatches(undefined, ['k1'])).toBe(false);
    expect(bearerMatches('Bearer k1', [])).toBe(false);
  });
});
