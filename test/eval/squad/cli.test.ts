import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../../helpers/cli.js';
import { FICTIONAL_SQUAD } from './fictional-squad.js';

let dir: string;
let dataset: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-squad-cli-'));
  dataset = path.join(dir, 'fictional-squad.json');
  await fs.writeFile(dataset, JSON.stringify(FICTIONAL_SQUAD));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function evalCli(args: string[]): Promise<CliRun> {
  return runCli('eval.ts', args, { DATA_DIR: path.join(dir, 'must-not-be-used') });
}

interface GateFields {
  summary: { questions: number; answerContains: number; noAnsAccuracy: number; balancedAccuracy: number };
  questions: Array<{ id: string }>;
}

describe('npm run eval -- --dataset squad2', () => {
  it('gates on the mean of answer-contains and NoAns accuracy: exit 1 below --min-pass, 0 at it', async () => {
    const out = path.join(dir, 'out');
    const first = await evalCli([
      '--dataset',
      'squad2',
      dataset,
      '--min-pass',
      '1.01',
      '--json',
      `${out}/r.json`,
      '--junit',
      `${out}/r.xml`,
      '--html',
      `${out}/r.html`,
    ]);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/gate \(mean of answer-contains and NoAns accuracy\) .* is below --min-pass 1\.01/);
    expect(first.stdout).toMatch(/SQuAD v2\.0: 10 questions \(6 answerable, 4 unanswerable\)/);
    expect(first.stdout).toMatch(/Lake_Vorrin\s+5\s/);
    const report = JSON.parse(await fs.readFile(`${out}/r.json`, 'utf8')) as GateFields;
    expect(report.summary.questions).toBe(10);
    expect(report.summary.balancedAccuracy).toBeCloseTo(
      (report.summary.answerContains + report.summary.noAnsAccuracy) / 2,
      12,
    );
    expect(await fs.readFile(`${out}/r.xml`, 'utf8')).toMatch(/<testsuites name="citecheck squad2" tests="10"/);
    expect(await fs.readFile(`${out}/r.html`, 'utf8')).toMatch(/^<!doctype html>/);
    await expect(fs.stat(path.join(dir, 'must-not-be-used'))).rejects.toThrow();

    const gate = report.summary.balancedAccuracy;
    // The offline answerer is deterministic, so the same questions give the same gate, which passes at --min-pass gate.
    const second = await evalCli([
      '--dataset',
      'squad2',
      dataset,
      '--min-pass',
      String(gate),
      '--baseline',
      `${out}/r.json`,
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Compared with .*r\.json\n {2}no questions flipped/);
  }, 60_000);

  it('exits 2 naming the problem for a malformed dataset or bad usage', async () => {
    const broken = path.join(dir, 'broken.json');
    const bad = JSON.parse(JSON.stringify(FICTIONAL_SQUAD)) as {
      data: Array<{ paragraphs: Array<{ qas: Array<{ answers: unknown }> }> }>;
    };
    bad.data[0]!.paragraphs[0]!.qas[1]!.answers = 'nope';
    await fs.writeFile(broken, JSON.stringify(bad));
    const malformed = await evalCli(['--dataset', 'squad2', broken]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(
      /broken\.json: not a SQuAD v2\.0 file \(data\[0\]\.paragraphs\[0\]\.qas\[1\]\.answers \(article "Lake_Vorrin"\)/,
    );
    const usage = await evalCli(['--dataset', 'squad3', dataset]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--dataset must be one of squad2/);
  }, 60_000);

  it('--write-corpus writes the corpus, and --corpus runs a suite over it', async () => {
    const corpus = path.join(dir, 'corpus');
    const written = await evalCli(['--dataset', 'squad2', dataset, '--write-corpus', corpus]);
    expect(written.code, written.stderr).toBe(0);
    expect((await fs.readdir(corpus)).sort()).toEqual(['brassmoor-clockworks.md', 'lake-vorrin.md']);

    const suite = path.join(dir, 'fictional.jsonl');
    await fs.writeFile(
      suite,
      `${JSON.stringify({ id: 'f-1', question: 'Who founded the Brassmoor Clockworks?', expect: { cites: ['founded by Oswin Tarrel'] } })}\n`,
    );
    const out = path.join(dir, 'suite.json');
    const run = await evalCli(['--corpus', corpus, suite, '--json', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`against in-process (${corpus})`);
    // Retrieval over the fictional corpus finds the passage: the suite ran on --corpus, not on corpus/.
    const report = JSON.parse(await fs.readFile(out, 'utf8')) as {
      cases: Array<{ retrieval: { citesFound: boolean[] } | null }>;
    };
    expect(report.cases[0]?.retrieval?.citesFound).toEqual([true]);
    await expect(fs.stat(path.join(dir, 'must-not-be-used'))).rejects.toThrow();
  }, 60_000);
});
