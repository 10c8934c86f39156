import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The one module that renders HTTP error bodies, in the app's shape and in OpenAI's. */
const RENDERER = 'http/errors.ts';
/** Tool results the model reads (not HTTP bodies), built by one helper of their own. */
const MODEL_TOOL_ERRORS = 'numbers/calculator/tools.ts';

/** An object literal with an `error` object: `{ error: { ... } }`, outside comments. */
const ERROR_BODY = /\berror\s*:\s*\{/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** `file:line` of every code line (comments skipped) that builds an `{error: {...}}` literal. */
function errorBodyBuilders(files: { path: string; text: string }[]): string[] {
  return files.flatMap((f) =>
    f.text.split('\n').flatMap((line, i) => {
      const code = line.trim();
      if (code.startsWith('*') || code.startsWith('/*') || code.startsWith('//')) return [];
      return ERROR_BODY.test(code) ? [`${f.path}:${i + 1}`] : [];
    }),
  );
}

describe('error bodies', () => {
  it('are built by src/http/errors.ts alone (and model tool errors by their one helper)', () => {
    const files = sourceFiles(SRC).map((full) => ({
      path: path.relative(SRC, full).split(path.sep).join('/'),
      text: readFileSync(full, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(250);
    const builders = errorBodyBuilders(files);
    expect(builders.some((b) => b.startsWith(`${RENDERER}:`))).toBe(true);
    expect(builders.filter((b) => !b.startsWith(`${RENDERER}:`) && !b.startsWith(`${MODEL_TOOL_ERRORS}:`))).toEqual([]);
  });

  it('a hand-built body elsewhere is found, a comment describing one is not', () => {
    const files = [
      {
        path: 'http/routes/x.ts',
        text: "/** Answers `{error:{code,message}}`. */\nreturn c.json({ error: { code: 'x', message } }, 400);",
      },
    ];
    expect(errorBodyBuilders(files)).toEqual(['http/routes/x.ts:2']);
  });
});
