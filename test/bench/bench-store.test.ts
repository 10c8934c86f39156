import { describe, expect, it } from 'vitest';
import { storeLabel } from '../../src/bench/report/report.js';
import { parseBenchStore } from '../../src/bench/store/select.js';

describe('bench --store', () => {
  it('defaults to the embedded store and accepts postgres', () => {
    expect(parseBenchStore(undefined)).toBe('embedded');
    expect(parseBenchStore('embedded')).toBe('embedded');
    expect(parseBenchStore(' Postgres ')).toBe('postgres');
  });

  it('rejects any other store', () => {
    expect(parseBenchStore('sqlite')).toBeUndefined();
    expect(parseBenchStore('')).toBeUndefined();
  });

  it('labels rows by store and, for postgres, by vector backend', () => {
    expect(storeLabel({})).toBe('embedded');
    expect(storeLabel({ store: 'embedded', vectorBackend: 'hnswlib' })).toBe('embedded');
    expect(storeLabel({ store: 'postgres', vectorBackend: 'hnswlib' })).toBe('postgres (hnswlib)');
    expect(storeLabel({ store: 'postgres', vectorBackend: 'pgvector' })).toBe('postgres (pgvector)');
  });
});
