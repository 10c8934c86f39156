import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestApp, makeTmpDir, type TestApp } from '../helpers/app.js';

let t: TestApp;
let corpus: string;
beforeAll(async () => {
  corpus = await makeTmpDir('citecheck-nested-');
  await fs.mkdir(path.join(corpus, 'sub'));
  await fs.writeFile(
    path.join(corpus, 'sub', 'report-2021.md'),
    '# Report\n\nExports of services rose by 12.5% in 2021 according to the report.\n',
  );
  t = await makeTestApp({ corpusDir: corpus });
});
afterAll(async () => {
  await t.cleanup();
  await fs.rm(corpus, { recursive: true, force: true });
});

it('serves a document from a corpus sub-folder by its id, with or without the slash encoded', async () => {
  const list = (await (await t.app.request('/api/documents')).json()) as { documents: { docId: string }[] };
  const docId = list.documents[0]!.docId;
  expect(docId).toContain('/');
  for (const url of [`/api/documents/${docId}`, `/api/documents/${encodeURIComponent(docId)}`]) {
    const res = await t.app.request(url);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { docId: string; text: string };
    expect(doc.docId).toBe(docId);
    expect(doc.text).toContain('12.5%');
  }
  expect((await t.app.request('/api/documents/sub/missing')).status).toBe(404);
});
