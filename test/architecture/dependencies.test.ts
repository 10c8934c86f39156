import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

/** The folder of a module under src (`answer/offline/x.ts` -> `answer`); the kernel files count as `(kernel)`. */
function folderOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? parts[1]! : '(kernel)';
}

/** Folder-level edges `a -> b` (a != b) with one example import each. */
function folderEdges(result: ICruiseResult): Map<string, string> {
  const edges = new Map<string, string>();
  for (const m of result.modules) {
    if (!m.source.startsWith('src/')) continue;
    for (const d of m.dependencies) {
      if (!d.resolved.startsWith('src/')) continue;
      const [a, b] = [folderOf(m.source), folderOf(d.resolved)];
      if (a !== b && !edges.has(`${a} -> ${b}`)) edges.set(`${a} -> ${b}`, `${m.source} imports ${d.resolved}`);
    }
  }
  return edges;
}

/** Every cycle of the folder graph, each as its path of folders. */
function folderCycles(edges: Map<string, string>): string[][] {
  const next = new Map<string, string[]>();
  for (const key of edges.keys()) {
    const [a, b] = key.split(' -> ') as [string, string];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    state.set(node, 'open');
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') cycles.push([...path.slice(path.indexOf(to)), node, to]);
      else if (!state.has(to)) visit(to, [...path, node]);
    }
    state.set(node, 'done');
  };
  for (const node of next.keys()) if (!state.has(node)) visit(node, []);
  return cycles;
}

describe('dependencies of src/', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const output = await cruise(['src'], { ...options, validate: true }, undefined, {
      tsConfig: extractTSConfig('tsconfig.json'),
    });
    result = output.output as ICruiseResult;
  }, 60_000);

  it('break none of the rules in .dependency-cruiser.cjs (layers, cli only from cli, no module cycle)', () => {
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(violations).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThan(250);
  });

  it('form no cycle between folders', () => {
    const edges = folderEdges(result);
    expect(edges.size).toBeGreaterThan(20);
    const cycles = folderCycles(edges).map((c) => c.join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('keep the command line to itself: nothing outside src/cli imports it', () => {
    const intoCli = [...folderEdges(result)].filter(([key]) => key.endsWith('-> cli')).map(([, why]) => why);
    expect(intoCli).toEqual([]);
  });

  it('find a cycle and an upward import when there is one', () => {
    const edges = new Map([
      ['answer -> retrieval', 'x'],
      ['retrieval -> metrics', 'y'],
      ['metrics -> answer', 'z'],
      ['http -> answer', 'w'],
    ]);
    expect(folderCycles(edges).map((c) => c.join(' -> '))).toEqual(['answer -> retrieval -> metrics -> answer']);
  });
});
