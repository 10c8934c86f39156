import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Entry point of the widget sources. */
export const WIDGET_ENTRY = fileURLToPath(new URL('../widget/index.ts', import.meta.url));
/** Where `npm run build:widget` writes the bundle. */
export const WIDGET_BUNDLE_FILE = fileURLToPath(new URL('../../dist/widget/widget.js', import.meta.url));

/** A loaded bundle and its validator. */
export interface WidgetScript {
  body: string;
  etag: string;
}

function esbuildOptions(entry: string) {
  return {
    entryPoints: [entry],
    bundle: true,
    format: 'iife' as const,
    platform: 'browser' as const,
    target: ['es2020'],
    minify: true,
    legalComments: 'none' as const,
    charset: 'utf8' as const,
    logLevel: 'silent' as const,
  };
}

/** Bundles the widget into one IIFE file with esbuild. */
export async function buildWidgetFile(outfile = WIDGET_BUNDLE_FILE, entry = WIDGET_ENTRY): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({ ...esbuildOptions(entry), outfile });
}

async function buildInMemory(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...esbuildOptions(entry), write: false, outfile: 'widget.js' });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return out.text;
}

const toScript = (body: string): WidgetScript => ({
  body,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

/**
 * Serves the built widget bundle, re-reading it when the file changes. When the file is missing
 * (no `npm run build:widget` yet) the sources are bundled in memory once, instead of failing.
 */
export class WidgetBundle {
  private cached: { mtimeMs: number; script: WidgetScript } | undefined;
  private built: Promise<WidgetScript> | undefined;

  constructor(private readonly opts: { file?: string; entry?: string } = {}) {}

  async load(): Promise<WidgetScript> {
    const file = this.opts.file ?? WIDGET_BUNDLE_FILE;
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
      this.built ??= buildInMemory(this.opts.entry ?? WIDGET_ENTRY).then(toScript);
      this.built.catch(() => (this.built = undefined));
      return this.built;
    }
    if (this.cached?.mtimeMs !== stat.mtimeMs) {
      this.cached = { mtimeMs: stat.mtimeMs, script: toScript(await fs.readFile(file, 'utf8')) };
    }
    return this.cached.script;
  }
}
