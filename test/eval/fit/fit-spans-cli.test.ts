import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPAN_FEATURES } from '../../../src/answer/grounding/span-features.js';
import { runCli } from '../../helpers/cli.js';
import { FICTIONAL_SQUAD } from '../squad/fictional-squad.js';

let dir: string;
let dataset: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-fit-cli-'));
  dataset = path.join(dir, 'fictional-squad.json');
  await fs.writeFile(dataset, JSON.stringify(FICTIONAL_SQUAD));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const fitCli = (args: string[]) => runCli('fit-spans.ts', args);

describe('npm run fit:spans', () => {
  it('reports the pick on training and other articles, and writes a weights module where told', async () => {
    const out = path.join(dir, 'weights.ts');
    const r = await fitCli([dataset, '--train', 'Lake_Vorrin', '--epochs', '50', '--write', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/training \(\d+\)\s+held out \(\d+\)/);
    expect(r.stdout).toMatch(/fitted weights\s+\d+\.\d\s+\d+\.\d/);
    const text = await fs.readFile(out, 'utf8');
    expect(text).toContain('export const SPAN_WEIGHTS: Record<SpanFeature, number> = {');
    expect(text).toContain('--train Lake_Vorrin --epochs 50');
    for (const f of SPAN_FEATURES) expect(text).toMatch(new RegExp(`\\n  ${f}: -?\\d`));
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses bad usage with exit code 2 and a message, writing nothing', async () => {
    const none = await fitCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage: npm run fit:spans/);
    const unknown = await fitCli([dataset, '--train', 'No_Such_Article']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no article titled No_Such_Article/);
    const epochs = await fitCli([dataset, '--train', 'Lake_Vorrin', '--epochs', 'many']);
    expect(epochs.code).toBe(2);
    expect(epochs.stderr).toMatch(/--epochs takes a whole number/);
  });
});
