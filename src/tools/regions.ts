const REGIONS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:the\s+)?United States\b|\bU\.S\.(?!\s?\$)|\bUSA\b|\bAmerica(?:n)?\b/g, 'United States'],
  [/\bChina\b|\bChinese\b|\bmy country\b|\bour country\b/gi, 'China'],
  [/\bBeijing\b/g, 'Beijing'],
  [/\b(?:European Union|EU)\b/g, 'European Union'],
  [/\bJapan(?:ese)?\b/g, 'Japan'],
  [/\bworld\b|\bglobal\b|\bworldwide\b/gi, 'world'],
];

/** A region named in text, with its position. */
export interface RegionMention {
  region: string;
  index: number;
}

/** Every region mention in `text`, in order ("my country" counts as China). */
export function regionMentions(text: string): RegionMention[] {
  const out: RegionMention[] = [];
  for (const [re, region] of REGIONS) {
    for (const m of text.matchAll(re)) out.push({ region, index: m.index ?? 0 });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The region mentioned most often in `text`, or null. */
export function dominantRegion(text: string): string | null {
  const counts = new Map<string, number>();
  for (const { region } of regionMentions(text)) counts.set(region, (counts.get(region) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Region a figure at `position` refers to: the nearest mention before it in its sentence,
 * else the nearest before it in its paragraph, else `fallback`.
 * Positions are relative to the same text as the spans.
 */
export function regionAt(
  text: string,
  position: number,
  sentence: { start: number; end: number },
  paragraph: { start: number; end: number },
  fallback: string | null,
): string | null {
  const inSentence = regionMentions(text.slice(sentence.start, position)).at(-1);
  if (inSentence) return inSentence.region;
  const inParagraph = regionMentions(text.slice(paragraph.start, position)).at(-1);
  return inParagraph?.region ?? fallback;
}
