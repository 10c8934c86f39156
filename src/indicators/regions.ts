/**
 * Places named in a document, found from how English writes them rather than from a list:
 * a capitalised name after a locative preposition ("in Ruritania", "across the Northern
 * Isles", "of the Federated States") or before a possessive ("Ruritania's exports").
 * Names are kept as written and compared as text; no aliases are resolved, so deictic
 * phrases ("this region", "our nation") name no place and a figure under them falls back to
 * the paragraph's or the document's most-mentioned place. "world", "global" and "worldwide"
 * are the one generic region ("world").
 */

const NAME_WORD = String.raw`\p{Lu}(?:[\p{L}\p{M}-]|\.(?=\p{Lu}))*`;
const NAME = String.raw`${NAME_WORD}(?:[ \t]+${NAME_WORD})*`;
const AFTER_PREPOSITION = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<prev>\p{L}+[ \t]+)?(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Oo]utside|(?<of>of))[ \t]+(?:the[ \t]+)?(?<name>${NAME})`,
  'gu',
);
const POSSESSIVE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?<name>${NAME})['’]s(?![\p{L}\p{N}])`, 'gu');
/** The one generic region. */
export const WORLD_REGION = 'world';
const WORLD = /\b(?:world|global|worldwide)\b/gi;

/** Capitalised words that are not places: calendar words, pronouns and contractions. */
const NOT_PLACES = new Set(
  (
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Fall Winter ' +
    'It That This There Here What Who Where When How Let He She They We You I Its Their Our My His Her ' +
    'Today Yesterday Tomorrow Then Now Everyone Nobody'
  ).split(' '),
);

/** A region named in text, with its position. */
export interface RegionMention {
  region: string;
  index: number;
}

/** Options for {@link regionMentions}. */
export interface RegionOptions {
  /** Names that are not places (e.g. the document's speakers), compared case-insensitively. */
  exclude?: ReadonlySet<string> | undefined;
}

function tidy(name: string): string {
  return name.replace(/[.-]+$/u, '').trim();
}

/** Whether position `i` starts a sentence, line or quotation. */
function sentenceInitial(text: string, i: number): boolean {
  return /(?:^|[.!?:;\n“"(]\s*)$/u.test(text.slice(Math.max(0, i - 4), i)) || i === 0;
}

function isPlace(name: string, exclude: ReadonlySet<string> | undefined): boolean {
  const words = name.split(/\s+/);
  if (!name || words.some((w) => NOT_PLACES.has(w))) return false;
  if (exclude && [...exclude].some((e) => e.toLowerCase() === name.toLowerCase())) return false;
  return true;
}

/**
 * Every place mention in `text`, in order. A preposition inside a capitalised run ("Trade in
 * Services", "Ministry of Finance") is part of a title, not a place; a sentence's first word
 * may be capitalised before "in" ("Growth in Ruritania").
 */
export function regionMentions(text: string, options: RegionOptions = {}): RegionMention[] {
  const out: RegionMention[] = [];
  for (const m of text.matchAll(AFTER_PREPOSITION)) {
    const prev = m.groups?.prev?.trim();
    const raw = m.groups?.name ?? '';
    const titled = prev !== undefined && /^\p{Lu}/u.test(prev);
    if (titled && (m.groups?.of !== undefined || !sentenceInitial(text, m.index ?? 0))) continue;
    const name = tidy(raw);
    if (isPlace(name, options.exclude)) out.push({ region: name, index: (m.index ?? 0) + m[0].length - raw.length });
  }
  for (const m of text.matchAll(POSSESSIVE)) {
    const name = tidy(m.groups?.name ?? '');
    if (isPlace(name, options.exclude)) out.push({ region: name, index: m.index ?? 0 });
  }
  for (const m of text.matchAll(WORLD)) out.push({ region: WORLD_REGION, index: m.index ?? 0 });
  const seen = new Set<number>();
  return out
    .sort((a, b) => a.index - b.index)
    .filter((r) => {
      if (seen.has(r.index)) return false;
      seen.add(r.index);
      return true;
    });
}

/**
 * The place mentioned most often in `text` (ties: the first mentioned); "world" only when no
 * place is named. Null when neither occurs.
 */
export function dominantRegion(text: string, options: RegionOptions = {}): string | null {
  const counts = new Map<string, number>();
  for (const { region } of regionMentions(text, options)) counts.set(region, (counts.get(region) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([region]) => region);
  return ranked.find((r) => r !== WORLD_REGION) ?? ranked[0] ?? null;
}

/**
 * Region a figure at `position` refers to: the nearest mention before it in its sentence
 * ("the global average of 7%" is "world"), else the nearest named place before it in its
 * paragraph ("the world's largest" elsewhere in the paragraph does not make its figures
 * global), else `fallback`.
 * Positions are relative to the same text as the spans.
 */
export function regionAt(
  text: string,
  position: number,
  sentence: { start: number; end: number },
  paragraph: { start: number; end: number },
  fallback: string | null,
  options: RegionOptions = {},
): string | null {
  const inSentence = regionMentions(text.slice(sentence.start, position), options).at(-1);
  if (inSentence) return inSentence.region;
  const inParagraph = regionMentions(text.slice(paragraph.start, position), options)
    .filter((r) => r.region !== WORLD_REGION)
    .at(-1);
  return inParagraph?.region ?? fallback;
}
