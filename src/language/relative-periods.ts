/* English wordings of the period before the one a text is about ("a year ago", "the previous quarter"). */

const UNITS = String.raw`(?:years?|quarters?|months?|weeks?|days?)`;
const COUNTS = String.raw`(?:a|an|one|two|three|four|five|six|\d+)`;

/**
 * An earlier period named relative to the current one: "a year ago", "two quarters earlier", "last year", "the
 * previous year", "the prior-year period", "the year before", "previously".
 */
export const EARLIER_PERIOD = [
  String.raw`${COUNTS}\s+${UNITS}\s+(?:ago|earlier|before)`,
  String.raw`(?:last|the\s+(?:previous|prior|preceding))[\s-]+(?:${UNITS}|period|financial\s+year|fiscal\s+year)(?:\s+period)?`,
  String.raw`the\s+${UNITS}\s+before`,
  String.raw`(?:the\s+)?prior[\s-]year(?:\s+period)?`,
  String.raw`previously`,
].join('|');

const EARLIER_PERIOD_RE = new RegExp(String.raw`\b(?:${EARLIER_PERIOD})\b`, 'iu');

/** Whether a text names an earlier period relative to the current one (see {@link EARLIER_PERIOD}). */
export function namesEarlierPeriod(text: string): boolean {
  return EARLIER_PERIOD_RE.test(text);
}
