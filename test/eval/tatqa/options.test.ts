import { describe, expect, it } from 'vitest';
import { EVAL_USAGE, parseEvalArgs } from '../../../src/cli/eval-args.js';

describe('parseEvalArgs: --dataset tatqa and --scope', () => {
  it('parses a TAT-QA run with or without --scope', () => {
    expect(parseEvalArgs(['--dataset', 'tatqa', 't.json', '--limit', '60', '--seed', '1'])).toMatchObject({
      dataset: { name: 'tatqa', file: 't.json' },
      limit: 60,
      seed: 1,
    });
    expect(parseEvalArgs(['--dataset', 'tatqa', 't.json']).scope).toBeUndefined();
    expect(parseEvalArgs(['--dataset', 'tatqa', 't.json', '--scope', 'corpus'])).toMatchObject({ scope: 'corpus' });
    expect(
      parseEvalArgs(['--dataset', 'tatqa', 't.json', '--scope', 'corpus', '--url', 'http://127.0.0.1:8787']),
    ).toMatchObject({ scope: 'corpus', url: 'http://127.0.0.1:8787' });
  });

  it('documents the scope, --url and the gate in the usage text', () => {
    expect(EVAL_USAGE).toMatch(
      /--url asks a running server started on --write-corpus output, so it implies\s+--scope corpus/,
    );
    expect(EVAL_USAGE).toMatch(/--dataset tatqa[\s\S]*--min-pass gates on overall accuracy/);
  });

  it.each([
    [['--dataset', 'tatqa', 't.json', '--scope', 'article'], /--scope must be one of document, corpus/],
    [['--dataset', 'squad2', 's.json', '--scope', 'corpus'], /--scope is for --dataset tatqa/],
    [
      ['--dataset', 'tatqa', 't.json', '--scope', 'document', '--url', 'http://127.0.0.1:1'],
      /--url asks a server over one corpus, so it implies --scope corpus/,
    ],
    [['--dataset', 'tatqa', 't.json', '--scope', 'corpus', '--write-corpus', 'd'], /--scope does not apply/],
    [['eval/dev.jsonl', '--scope', 'corpus'], /--scope needs --dataset/],
    [['--dataset', 'tatqa'], /needs exactly one dataset file, got 0/],
  ])('%j is bad usage', (argv, message) => {
    expect(() => parseEvalArgs(argv)).toThrow(message);
  });
});
