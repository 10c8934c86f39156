import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TatqaReport } from '../../../src/eval/datasets/tatqa/types.js';
import { type CliRun, runCli } from '../../helpers/cli.js';
import { FICTIONAL_TATQA } from './fictional-tatqa.js';

let dir: string;
let dataset: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-tatqa-cli-'));
  dataset = path.join(dir, 'fictional-tatqa.json');
  await fs.writeFile(dataset, JSON.stringify(FICTIONAL_TATQA));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function evalCli(args: string[]): Promise<CliRun> {
  return runCli('eval.ts', args, { DATA_DIR: path.join(dir, 'must-not-be-used') });
}

const total = (groups: Record<string, { questions: number } | undefined>) =>
  Object.values(groups).reduce((n, m) => n + (m?.questions ?? 0), 0);

/** The report's figures agree with each other and with its questions (whatever the answerer got right). */
function expectConsistent(report: TatqaReport, asked: number): void {
  const { summary: s, questions } = report;
  expect(s.questions).toBe(asked);
  expect(questions).toHaveLength(asked);
  expect(s.correct).toBe(questions.filter((q) => q.correct).length);
  expect(s.accuracy).toBeCloseTo(s.correct / s.questions, 12);
  expect(questions.every((q) => q.passed === q.correct)).toBe(true);
  expect(report.failures.map((f) => f.id)).toEqual(questions.filter((q) => !q.correct).map((q) => q.id));
  expect(total(report.byAnswerType)).toBe(asked);
  expect(total(report.byAnswerFrom)).toBe(asked);
  expect(total(report.byDerivation)).toBe(report.byAnswerType.arithmetic?.questions ?? 0);
  expect(Object.values(report.byAnswerType).reduce((n, m) => n + (m?.correct ?? 0), 0)).toBe(s.correct);
  expect(
    s.fromCheck +
      s.fromText +
      s.noNumber +
      questions.filter((q) => q.numberCorrect !== null && (q.source === 'abstained' || q.source === 'error')).length,
  ).toBe(s.numeric);
  const oneOp = questions.filter((q) => q.form !== null && q.form !== 'other');
  expect(s.oneOpArithmetic).toBe(oneOp.length);
  expect(s.oneOpArithmeticAccuracy).toBeCloseTo(oneOp.filter((q) => q.correct).length / oneOp.length, 12);
  expect(s.abstentionRate).toBeCloseTo(questions.filter((q) => q.abstained === true).length / asked, 12);
}

describe('npm run eval -- --dataset tatqa', () => {
  it('asks every question over a corpus per document, writes consistent reports and gates on overall accuracy', async () => {
    const out = path.join(dir, 'out');
    const first = await evalCli([
      '--dataset',
      'tatqa',
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
    expect(first.stderr).toMatch(/overall accuracy .* is below --min-pass 1\.01/);
    expect(first.stderr).toContain('over a corpus per document (in-process)');
    expect(first.stdout).toMatch(/TAT-QA: 12 questions of 12 \(2 documents\) in .*; scope document/);
    expect(first.stdout).toMatch(/By answer type[\s\S]*By derivation form \(arithmetic\)[\s\S]*By answer source/);
    const report = JSON.parse(await fs.readFile(`${out}/r.json`, 'utf8')) as TatqaReport;
    expect(report.kind).toBe('tatqa');
    expect(report.run).toMatchObject({
      dataset: 'tatqa',
      total: 12,
      documents: 2,
      limit: null,
      seed: null,
      scope: 'document',
      target: 'in-process, one corpus per document',
    });
    expectConsistent(report, 12);
    expect(report.summary.errors).toBe(0);
    expect(report.byDerivation).toMatchObject({
      difference: { questions: 2 },
      'change-ratio': { questions: 1 },
      average: { questions: 1 },
      division: { questions: 1 },
      sum: { questions: 1 },
      other: { questions: 1 },
    });
    const xml = await fs.readFile(`${out}/r.xml`, 'utf8');
    expect(xml).toMatch(/<testsuites name="citecheck tatqa" tests="12"/);
    const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)?.[1]);
    expect(failures).toBe(report.failures.length);
    expect(await fs.readFile(`${out}/r.html`, 'utf8')).toMatch(/^<!doctype html>/);
    await expect(fs.stat(path.join(dir, 'must-not-be-used'))).rejects.toThrow();

    // The offline answerer is deterministic: the same questions give the same accuracy, which passes at --min-pass accuracy.
    const second = await evalCli([
      '--dataset',
      'tatqa',
      dataset,
      '--min-pass',
      String(report.summary.accuracy),
      '--baseline',
      `${out}/r.json`,
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Compared with .*r\.json\n {2}no questions flipped/);
  }, 90_000);

  it('--scope corpus with --limit asks a seeded sample over one corpus of all documents', async () => {
    const out = path.join(dir, 'corpus.json');
    const run = await evalCli([
      '--dataset',
      'tatqa',
      dataset,
      '--scope',
      'corpus',
      '--limit',
      '5',
      '--seed',
      '3',
      '--json',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Asking 5 sampled (seed 3) of 12 questions');
    const report = JSON.parse(await fs.readFile(out, 'utf8')) as TatqaReport;
    expect(report.run).toMatchObject({
      scope: 'corpus',
      limit: 5,
      seed: 3,
      target: 'in-process, one corpus of 2 documents',
    });
    expectConsistent(report, 5);
  }, 60_000);

  it('--write-corpus writes one Markdown report per document; a malformed file or bad usage exits 2', async () => {
    const corpus = path.join(dir, 'corpus');
    const written = await evalCli(['--dataset', 'tatqa', dataset, '--write-corpus', corpus]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/wrote 2 documents \(5 paragraphs, 2 tables\)/);
    expect((await fs.readdir(corpus)).sort()).toEqual(['report-1.md', 'report-2.md']);
    expect(await fs.readFile(path.join(corpus, 'report-2.md'), 'utf8')).toMatch(
      /^---\ntitle: "Report 2"\nlanguage: en\n---\n\nThe Lake Vorrin Trust/,
    );

    const broken = path.join(dir, 'broken.json');
    const bad = JSON.parse(JSON.stringify(FICTIONAL_TATQA)) as Array<{ questions: Array<{ answer_type: string }> }>;
    bad[1]!.questions[2]!.answer_type = 'ratio';
    await fs.writeFile(broken, JSON.stringify(bad));
    const malformed = await evalCli(['--dataset', 'tatqa', broken]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(
      /broken\.json: not a TAT-QA file \(\[1\]\.questions\[2\]\.answer_type \(document 2, question "lv-diff-pct"\)/,
    );
    const usage = await evalCli(['--dataset', 'tatqa', dataset, '--scope', 'document', '--url', 'http://127.0.0.1:1']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/implies --scope corpus/);
  }, 60_000);
});
