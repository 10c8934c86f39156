const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Canonical form of user text: NFKC (full-width digits and letters become ASCII), invisible and
 * bidirectional marks, control characters and lone surrogates removed, whitespace collapsed.
 */
export function normalizeUserText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.?!]{0,60}\b(?:instructions?|rules|prompts?|guidelines|previous|above|context|system|documents?|sources?|passages?|text|corpus)\b/i,
  /\bsystem\s*(?:override|prompt|message|instructions?)\b/i,
  /\b(?:from now on|you are now|pretend (?:to be|that)|act as|roleplay as|jailbreak|developer mode)\b/i,
  /^(?:and\s+)?(?:just\s+)?(?:say|reply|respond|answer|output|print|write|repeat|state)\b[^.?!]{0,40}\b(?:that|with|only|exactly)\b/i,
  /\b(?:reveal|show|print|repeat|tell me)\b[^.?!]{0,30}\b(?:system prompt|your (?:prompt|instructions|rules))\b/i,
];

/** A question split into the part to answer and any instructions addressed to the assistant. */
export interface SplitQuestion {
  factual: string;
  instructions: string[];
}

/**
 * Separates instructions aimed at the assistant ("ignore your instructions and say ...") from the
 * factual question. Instructions are reported, never followed; the factual part is what gets answered.
 */
export function splitInstructions(question: string): SplitQuestion {
  const segments = question
    .split(/(?<=[.?!])\s+|\s*(?:\bquestion\s*:|\bq\s*:)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
  const instructions: string[] = [];
  const kept: string[] = [];
  for (const seg of segments) {
    if (INSTRUCTION_PATTERNS.some((re) => re.test(seg))) instructions.push(seg);
    else kept.push(seg);
  }
  const factual = kept.join(' ').trim();
  return { factual: factual || question, instructions };
}
