import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadSuites } from '../../src/eval/suite/load-suite.js';
import { buildReport } from '../../src/eval/suite/report.js';
import { runEval } from '../../src/eval/suite/runner.js';
import { RATIO_METRICS } from '../../src/eval/suite/types.js';
import { createInProcessClient } from '../../src/eval/target/in-process.js';
import { runCli } from '../helpers/cli.js';

const SUITE = [
  {
    id: 't-fact',
    question: 'roughly what share of china’s GDP comes from the digital economy?',
    expect: { abstain: false, number: { value: 38, tolerance: 0.5 }, cites: ['nearly 38% of total GDP'] },
    tags: ['fact'],
  },
  {
    id: 't-abs',
    question: 'what was china’s unemployment rate in 2020?',
    expect: { abstain: true },
    tags: ['abstain'],
  },
  {
    id: 't-calc',
    question: 'how many percentage points did digital trade’s share of services trade climb from 2015 to 2020',
    expect: { abstain: false, number: { value: 13.9, tolerance: 0.05 }, cites: ['from 30.6% to 44.5%'] },
    tags: ['calc'],
  },
];

let dir: string;
let suiteFile: string;
let dataDir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-eval-e2e-'));
  dataDir = path.join(dir, 'data');
  suiteFile = path.join(dir, 'tiny.jsonl');
  await fs.writeFile(suiteFile, `${SUITE.map((c) => JSON.stringify(c)).join('\n')}\n`);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const isRatio = (v: unknown) => v === null || (typeof v === 'number' && v >= 0 && v <= 1);

describe('eval end to end', () => {
  it('runs a suite in-process and builds the JSON report', async () => {
    const config = loadConfig({ CORPUS_DIR: path.resolve('corpus'), DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const client = await createInProcessClient(config);
    const [suite] = await loadSuites([suiteFile]);
    const report = JSON.parse(
      JSON.stringify(buildReport(await runEval(suite?.cases ?? [], client, { concurrency: 2 }))),
    ) as ReturnType<typeof buildReport>;

    expect(Object.keys(report)).toEqual(['summary', 'byTag', 'bySuite', 'cases']);
    expect(Object.keys(report.bySuite)).toEqual(['tiny']);
    expect(Object.keys(report.byTag)).toEqual(['abstain', 'calc', 'fact']);
    expect(report.summary).toMatchObject({ cases: 3, errors: 0 });
    for (const m of [report.summary, ...Object.values(report.byTag), ...Object.values(report.bySuite)]) {
      for (const k of RATIO_METRICS) expect(isRatio(m[k]), k).toBe(true);
      expect(typeof m.latencyMs.p50).toBe('number');
      expect(typeof m.latencyMs.p95).toBe('number');
    }
    expect(report.byTag.abstain?.numericAccuracy).toBeNull();
    expect(report.cases.map((c) => c.id)).toEqual(['t-fact', 't-abs', 't-calc']);
    for (const c of report.cases) {
      expect(c).toMatchObject({ suite: 'tiny', mode: 'offline' });
      expect(c.error).toBeUndefined();
      expect(typeof c.passed).toBe('boolean');
      expect(Array.isArray(c.reasons)).toBe(true);
      expect(c.passed).toBe(c.reasons.length === 0);
      expect(typeof c.answer).toBe('string');
      expect(typeof c.abstained).toBe('boolean');
      expect(Array.isArray(c.citations)).toBe(true);
      expect(Array.isArray(c.checks)).toBe(true);
      expect(c.latencyMs).toBeGreaterThan(0);
    }
    expect(report.cases[0]?.retrieval).toMatchObject({ k: 5, citesFound: [expect.any(Boolean)] });
    expect(report.cases[1]?.retrieval).toBeNull();
  }, 120_000);

  it('the CLI exits 1 when answer accuracy is below --min-pass and still writes the report', async () => {
    const out = path.join(dir, 'out', 'report.json');
    const { code, stdout, stderr } = await runCli('eval.ts', [suiteFile, '--min-pass', '1.01', '--json', out], {
      CORPUS_DIR: path.resolve('corpus'),
      DATA_DIR: dataDir,
    });

    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/answer accuracy .* is below --min-pass 1\.01/);
    expect(stdout).toMatch(/suite:tiny\s+\d\/3/);
    const report = JSON.parse(await fs.readFile(out, 'utf8')) as { summary: { cases: number } };
    expect(report.summary.cases).toBe(3);
  }, 120_000);
});
