import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory of the prompt templates shipped with the project (`prompts/` at the repository root). */
export const PROMPTS_DIR = fileURLToPath(new URL('../../../prompts/', import.meta.url));

/** Values substituted into a template. */
export type PromptVariables = Readonly<Record<string, string | number>>;

const VARIABLE = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Raised when a template cannot be found or rendered. */
export class PromptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptError';
  }
}

/** Names of the `{{variables}}` a template uses, in order of first appearance. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/**
 * Replaces every `{{name}}` in `template` with `vars[name]`, in one pass, so values that
 * themselves contain `{{...}}` are inserted literally. A variable without a value is an error;
 * extra values are ignored.
 */
export function renderTemplate(template: string, vars: PromptVariables, name = 'template'): string {
  const missing = templateVariables(template).filter((v) => !Object.hasOwn(vars, v));
  if (missing.length) throw new PromptError(`prompt "${name}" needs ${missing.map((v) => `"${v}"`).join(', ')}`);
  return template.replace(VARIABLE, (_, key: string) => String(vars[key]));
}

/** Loads `<dir>/<name>.md` once per directory and renders it; templates are cached after the first read. */
export class PromptLibrary {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(readonly dir: string = PROMPTS_DIR) {}

  /** The raw template text of `name` (trailing whitespace removed). */
  load(name: string): Promise<string> {
    if (!NAME.test(name)) return Promise.reject(new PromptError(`invalid prompt name "${name}"`));
    let text = this.cache.get(name);
    if (!text) {
      const file = path.join(this.dir, `${name}.md`);
      text = readFile(file, 'utf8').then(
        (t) => t.replace(/\s+$/u, ''),
        (err: NodeJS.ErrnoException) => {
          this.cache.delete(name);
          throw new PromptError(`cannot read prompt "${name}" (${file}): ${err.code ?? err.message}`);
        },
      );
      this.cache.set(name, text);
    }
    return text;
  }

  /** Loads and renders `name` with `vars` (see {@link renderTemplate}). */
  async render(name: string, vars: PromptVariables = {}): Promise<string> {
    return renderTemplate(await this.load(name), vars, name);
  }
}

/** Shared library over {@link PROMPTS_DIR}. */
export const defaultPrompts = new PromptLibrary();
