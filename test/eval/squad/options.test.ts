import { describe, expect, it } from 'vitest';
import { parseEvalArgs } from '../../../src/cli/eval-args.js';

describe('parseEvalArgs: --dataset, --limit, --seed, --corpus, --write-corpus', () => {
  it('parses a dataset run', () => {
    expect(parseEvalArgs(['--dataset', 'squad2', 'dev.json', '--limit', '300', '--seed', '1'])).toMatchObject({
      suites: [],
      dataset: { name: 'squad2', file: 'dev.json' },
      limit: 300,
      seed: 1,
    });
    expect(parseEvalArgs(['--corpus', 'eval/genres/corpus', 'eval/genres/dev.jsonl'])).toMatchObject({
      corpus: 'eval/genres/corpus',
      suites: ['eval/genres/dev.jsonl'],
    });
  });

  it.each([
    [['--dataset', 'squad2'], /needs exactly one dataset file, got 0/],
    [['--dataset', 'squad2', 'a.json', 'b.json'], /needs exactly one dataset file, got 2/],
    [['--dataset', 'coqa', 'a.json'], /--dataset must be one of squad2/],
    [['--dataset', 'squad2', 'a.json', '--limit', '0'], /--limit must be an integer from 1/],
    [['--dataset', 'squad2', 'a.json', '--limit', '2.5'], /--limit must be an integer/],
    [['--dataset', 'squad2', 'a.json', '--seed', '1'], /--seed needs --limit/],
    [['--dataset', 'squad2', 'a.json', '--corpus', 'c'], /--corpus is for suites/],
    [['--dataset', 'squad2', 'a.json', '--tag', 'x'], /--tag is for suites/],
    [['eval/dev.jsonl', '--limit', '3'], /--limit needs --dataset/],
    [['eval/dev.jsonl', '--write-corpus', 'd'], /--write-corpus needs --dataset/],
    [['--corpus', 'c', '--url', 'http://127.0.0.1:1'], /--corpus runs the in-process app/],
  ])('%j is bad usage', (argv, message) => {
    expect(() => parseEvalArgs(argv)).toThrow(message);
  });
});
