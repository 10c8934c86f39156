import matter from 'gray-matter';
import { firstNonEmptyLine, normalizeText, titleFromLine } from './normalize.js';
import type { ExtractedDocument } from './types.js';

const FIELDS = ['title', 'source', 'date', 'language', 'interviewer'] as const;

const refuseCode = {
  parse: () => {
    throw new Error('executable front matter is not allowed');
  },
};

/**
 * Loads Markdown. YAML front matter supplies title, source, date, language and interviewer;
 * `text` is the body after the front matter (one leading newline removed). Without a title
 * field the first `# heading`, else the first non-empty line, is the title.
 * @throws Error when the front matter cannot be parsed or a field is not a scalar.
 */
export function loadMarkdown(raw: string): ExtractedDocument {
  const normalized = normalizeText(raw);
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(normalized, { engines: { js: refuseCode, javascript: refuseCode, coffee: refuseCode } });
  } catch (err) {
    throw new Error(`invalid front matter: ${firstLine(err)}`);
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('invalid front matter: expected key/value pairs');
  }
  const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const key of FIELDS) {
    const value = scalar((data as Record<string, unknown>)[key]);
    if (value === null) throw new Error(`invalid front matter: "${key}" must be a string`);
    if (value) fields[key] = value;
  }
  const text = parsed.content.startsWith('\n') ? parsed.content.slice(1) : parsed.content;
  return {
    title: fields.title ?? fallbackTitle(text),
    text,
    source: fields.source,
    date: fields.date,
    language: fields.language,
    interviewer: fields.interviewer,
  };
}

/** A front-matter value as a trimmed string; undefined when absent, null when not a scalar. */
function scalar(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return null;
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.replace(/:\s*$/u, '');
}

function fallbackTitle(body: string): string | undefined {
  const heading = /^#[ \t]+(.+?)[ \t#]*$/mu.exec(body);
  if (heading) return titleFromLine(heading[1]!);
  const first = firstNonEmptyLine(body);
  return first === undefined ? undefined : titleFromLine(first);
}
