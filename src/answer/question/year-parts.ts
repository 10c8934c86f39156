/* Parts of a year: halves, quarters and runs of months ("H1 2021", "the first half of 2021", "the first nine months of 2024"). */

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ORDINAL = String.raw`(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)`;
const COUNT = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})`;

/** How parts of a year are written, without their year: a half or quarter, a code, a run of months. */
const ORDINAL_PART = String.raw`${ORDINAL}\s+(?:half|quarter)`;
const CODE_PART = String.raw`(?:H[12]|Q[1-4]|[1-4]Q)`;
const MONTHS_PART = String.raw`first\s+${COUNT}\s+months`;
const MONTH_RUN = String.raw`${MONTH}\s*(?:to|through|until|-|–|—)\s*${MONTH}`;

/** The words of a part of a year written before the year itself, ending where the year starts. */
const PART_BEFORE_YEAR = [
  String.raw`\b(?:the\s+)?${ORDINAL_PART}(?:\s+of)?(?:\s+(?:the\s+)?(?:fiscal|financial)(?:\s+year)?)?\s+`,
  String.raw`\b${CODE_PART}\s*(?:of\s+)?(?:FY\s*)?`,
  String.raw`\b(?:the\s+)?${MONTHS_PART}\s+(?:of\s+)?`,
  String.raw`\b${MONTH_RUN}\s+(?:of\s+)?`,
].join('|');

/** Any wording of a part of a year, with or without its year ("first half", "H1", "Q3", "first six months"). */
const PART_RE = new RegExp(
  String.raw`\b(?:${[ORDINAL_PART, CODE_PART, String.raw`half[- ]year`, MONTHS_PART, MONTH_RUN].join('|')})\b`,
  'iu',
);

/** A word that names some part of a year however it is spelled around it ("the frist half of 2021"). */
const PART_WORD_RE = /\b(?:half|halves|quarters?|months|semester|trimester)\b/iu;

/** Whether a text names a part of a year ("in H1", "the third quarter of 2024", "the frist half"). */
export function namesYearPart(text: string): boolean {
  return PART_RE.test(text) || PART_WORD_RE.test(text);
}

/**
 * The part of `year` a text gives it for when every mention of the year is a part ("the first half of 2021"):
 * the words as written; undefined when the year is written alone at least once, or not at all.
 */
export function yearPartOnly(text: string, year: number): string | undefined {
  const mentions = [...text.matchAll(new RegExp(String.raw`(?<![\d.])${year}(?!\d)`, 'gu'))];
  if (!mentions.length) return undefined;
  const part = new RegExp(String.raw`(?:${PART_BEFORE_YEAR})$`, 'iu');
  let first: string | undefined;
  for (const m of mentions) {
    const found = part.exec(text.slice(0, m.index));
    if (!found) return undefined;
    first ??= `${found[0]}${year}`.trim();
  }
  return first;
}

/** A text without its parts of a year ("grow in H1 2021" -> "grow in 2021"). */
export function withoutYearParts(text: string): string {
  return text
    .replace(new RegExp(PART_BEFORE_YEAR, 'giu'), '')
    .replace(new RegExp(PART_RE.source, 'giu'), '')
    .replace(/\s{2,}/g, ' ');
}
