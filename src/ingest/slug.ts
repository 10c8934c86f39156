/**
 * Slug of a corpus-relative path without its extension: lower-case letters and digits joined
 * by `-`, one segment per directory (`Sub/Report 2021.pdf` → `sub/report-2021`).
 */
export function docIdFromPath(relativePath: string): string {
  const segments = relativePath.split(/[\\/]+/u).filter(Boolean);
  const last = segments.pop() ?? '';
  const dot = last.lastIndexOf('.');
  segments.push(dot > 0 ? last.slice(0, dot) : last);
  return segments.map(slugify).join('/');
}

/** Lower-cases, drops diacritics and joins runs of letters and digits with `-`. */
export function slugify(segment: string): string {
  const slug = segment
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug || 'doc';
}

/** Returns `id`, or `id-2`, `id-3`, … when taken, and records the result in `taken`. */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}
