/**
 * Measures that are the difference of two others a text usually states instead: a trade surplus is exports minus
 * imports, a deficit imports minus exports ("顺差", "逆差" in Chinese).
 */
const DERIVED: ReadonlyArray<{ asked: RegExp; parts: [string, string] }> = [
  { asked: /\b(?:trade\s+)?surplus\b/iu, parts: ['imports', 'exports'] },
  { asked: /\b(?:trade\s+)?deficit\b/iu, parts: ['exports', 'imports'] },
  { asked: /(?:贸易)?顺差/u, parts: ['进口', '出口'] },
  { asked: /(?:贸易)?逆差/u, parts: ['出口', '进口'] },
];

/** A derived measure a question asks for, with the two measures it is the difference of. */
export interface DerivedMeasure {
  /** The word the question asks with ("surplus"). */
  word: string;
  /** The two parts, the one subtracted first ("imports", then "exports": a surplus is exports minus imports). */
  parts: readonly [string, string];
}

/** The derived measure a question asks for (see {@link DERIVED}), or null. */
export function derivedMeasure(question: string): DerivedMeasure | null {
  for (const { asked, parts } of DERIVED) {
    const m = asked.exec(question);
    if (m) return { word: m[0], parts };
  }
  return null;
}
