import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterByTags, loadSuite, loadSuites, suiteNames } from '../../src/eval/suite/load-suite.js';
import { parseJsonlSuite, parseYamlSuite } from '../../src/eval/suite/suite-format.js';

const good = {
  id: 'x-1',
  question: 'how big?',
  expect: { number: { value: 1.69, tolerance: 0.005 }, cites: ['1.69 trillion'] },
  tags: ['fact'],
};

const YAML = `# a YAML suite
- id: y-1
  question: "how big was digital trade in ２０２０?"
  expect:
    number: [{value: 294.76, tolerance: 0.01}]
    cites: ["US$294.76 billion in 2020"]
  tags: [fact, adversarial]
- id: y-2
  question: and in 2015?
  history:
    - {role: user, content: how big in 2020?}
    - {role: assistant, content: US$294.76 billion.}
  expect: {abstain: false, regex: ["200"]}
`;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-eval-suite-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const write = async (name: string, text: string) => {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
};

describe('JSONL suites', () => {
  it('loads one case per line and ignores blank lines', () => {
    const parsed = parseJsonlSuite(`${JSON.stringify(good)}\n\n   \n${JSON.stringify({ ...good, id: 'x-2' })}\n`);
    expect(parsed.ok && parsed.cases.map((c) => c.id)).toEqual(['x-1', 'x-2']);
  });

  it('names the line and field of a bad case', () => {
    const bad = { ...good, id: 'x-bad', expect: { number: { value: 1, tolerance: -1 } } };
    const parsed = parseJsonlSuite([JSON.stringify(good), '', JSON.stringify(bad)].join('\n'));
    expect(parsed).toEqual({
      ok: false,
      problems: [{ line: 3, message: 'case "x-bad": field expect.number.tolerance: must be >= 0' }],
    });
  });

  it('reports invalid JSON, unknown keys, bad regexes and empty expectations', () => {
    const lines = [
      '{"id": "a", "question": ',
      JSON.stringify({ ...good, id: 'b', expect: { contain: ['x'] } }),
      JSON.stringify({ ...good, id: 'c', expect: { regex: ['(unclosed'] } }),
      JSON.stringify({ ...good, id: 'd', expect: {} }),
      JSON.stringify({ id: 'e', expect: { abstain: true } }),
    ];
    const parsed = parseJsonlSuite(lines.join('\n'));
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(problems[0]?.message).toMatch(/^invalid JSON/);
    expect(problems[1]?.message).toMatch(/^case "b": field expect: .*contain/);
    expect(problems[2]?.message).toMatch(/^case "c": field expect\.regex\.0: invalid regular expression/);
    expect(problems[3]?.message).toBe('case "d": field expect: must have at least one expectation');
    expect(problems[4]?.message).toMatch(/^case "e": field question: /);
  });
});

describe('YAML suites', () => {
  it('loads a list of cases', () => {
    const parsed = parseYamlSuite(YAML);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.cases).toHaveLength(2);
    expect(parsed.cases[0]).toMatchObject({
      id: 'y-1',
      expect: { number: [{ value: 294.76, tolerance: 0.01 }] },
      tags: ['fact', 'adversarial'],
    });
    expect(parsed.cases[1]?.history).toHaveLength(2);
  });

  it('names the case index, line and field of a bad case', () => {
    const parsed = parseYamlSuite(YAML.replace('value: 294.76', 'value: "lots"'));
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          line: 2,
          message: 'case #1 "y-1": field expect.number.0.value: Invalid input: expected number, received string',
        },
      ],
    });
    const second = parseYamlSuite(YAML.replace('role: assistant', 'role: system'));
    expect(second.ok ? [] : second.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [8, 'case #2 "y-2"'],
    ]);
  });

  it('rejects a document that is not a list, and invalid YAML', () => {
    expect(parseYamlSuite('id: x\nquestion: q')).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'a YAML suite must be a list of cases' }],
    });
    const broken = parseYamlSuite('- id: a\n  question: [unclosed\n');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.problems[0]?.message).toMatch(/^invalid YAML/);
  });
});

describe('loadSuite / loadSuites', () => {
  it('loads files by extension and tags cases with the suite name', async () => {
    const yaml = await write('extra.yaml', YAML);
    const jsonl = await write('more.jsonl', `${JSON.stringify(good)}\n`);
    const suites = await loadSuites([yaml, jsonl]);
    expect(suites.map((s) => [s.name, s.cases.length])).toEqual([
      ['extra', 2],
      ['more', 1],
    ]);
    expect(suites[0]?.cases[0]?.suite).toBe('extra');
  });

  it('throws a bad_request AppError naming the file, line and field', async () => {
    const file = await write(
      'bad.jsonl',
      `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: 'x-2', question: 42 })}\n`,
    );
    const err = await loadSuite(file, 'bad').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AppError', code: 'bad_request' });
    expect((err as Error).message).toContain(
      `${file}:2: case "x-2": field question: Invalid input: expected string, received number`,
    );
  });

  it('rejects duplicate ids across files, unknown extensions and missing files', async () => {
    const one = await write('one.jsonl', `${JSON.stringify(good)}\n`);
    const two = await write('two.jsonl', `${JSON.stringify(good)}\n`);
    await expect(loadSuites([one, two])).rejects.toThrow(
      /duplicate case id "x-1" in .*two\.jsonl \(already in .*one\.jsonl\)/,
    );
    await expect(loadSuite(await write('cases.txt', ''), 'x')).rejects.toThrow(/unsupported suite file type ".txt"/);
    await expect(loadSuite(path.join(dir, 'missing.jsonl'), 'x')).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('names suites by file, falling back to paths when names collide', () => {
    expect(suiteNames(['eval/dev.jsonl', 'eval/heldout.jsonl'])).toEqual(['dev', 'heldout']);
    expect(suiteNames(['a/dev.jsonl', 'b/dev.yaml'])).toEqual(['a/dev.jsonl', 'b/dev.yaml']);
  });
});

describe('filterByTags', () => {
  it('keeps cases with any of the tags', () => {
    const cases = [
      { ...good, id: '1', tags: ['calc', 'op:cagr'], suite: 's' },
      { ...good, id: '2', tags: ['fact'], suite: 's' },
      { ...good, id: '3', tags: undefined, suite: 's' },
    ];
    expect(filterByTags(cases, []).map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(filterByTags(cases, ['op:cagr', 'fact']).map((c) => c.id)).toEqual(['1', '2']);
    expect(filterByTags(cases, ['nope'])).toEqual([]);
  });
});
