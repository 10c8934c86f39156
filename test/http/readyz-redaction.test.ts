import path from 'node:path';
import { expect, it } from 'vitest';
import { makeTestApp, makeTmpDir } from '../helpers/app.js';

it('reports a failed index load on /readyz without server paths', async () => {
  const missing = path.join(await makeTmpDir('citecheck-missing-'), 'no-such-corpus');
  const t = await makeTestApp({ corpusDir: missing, open: false });
  await expect(t.kb.open()).rejects.toThrow();
  const res = await t.app.request('/readyz');
  expect(res.status).toBe(503);
  const text = await res.text();
  expect(JSON.parse(text).state).toBe('failed');
  expect(text).not.toContain(path.dirname(missing));
  await t.cleanup();
});
