/**
 * Definition questions: "What is goodwill?", "What does EBITDA mean?", "What is the definition of the term earnings
 * per share?", and the term each asks about.
 */

/** "What is X?" / "What are X?" / "What does X mean?": the term X a definition question asks about. */
const DEFINITION_QUESTION_RE =
  /^\s*what\s+(?:is|are)\s+(?:meant\s+by\s+)?(?:an?\s+|the\s+)?(?<term>[^?]{2,60}?)\s*\??\s*$|^\s*what\s+does\s+(?<term2>[^?]{2,60}?)\s+mean\s*\??\s*$/i;
/** Words that make "what is the X" ask for something other than a definition ("the name of", "the reason"). */
const NOT_A_TERM_RE =
  /\b(?:of|for|in|on|at|by|from|with|to|between|during|than|and|or|name|reason|purpose|difference)\b/i;
/** "What is the definition / meaning of (the term) X?": a definition asked for in so many words. */
const EXPLICIT_DEFINITION_RE =
  /^\s*what\s+(?:is|are)\s+(?:the\s+)?(?:definition|meaning)\s+of\s+(?:the\s+(?:term|word|phrase)\s+)?(?<term>[^?]{2,60}?)\s*\??\s*$/i;
/** "How is / are X defined (as)?": a definition asked for by its verb. */
const HOW_DEFINED_RE =
  /^\s*how\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?<term>[^?]{2,60}?)\s+defined(?:\s+as)?\s*\??\s*$/i;
/** A term written without a definite article or possessor before it ("What is goodwill?", "What is a lease?", not "What is the revenue?"). */
const BARE_TERM_RE = /^\s*what\s+(?:is|are)\s+(?!(?:the|its|their|our|his|her|this|that)\s)/i;

/**
 * Whether a question asks what a term means rather than what its value is: "What is goodwill?", "What does EBITDA
 * mean?", "What is the definition of the term earnings per share?", "How is goodwill defined?"; not "What is the
 * revenue?" (a lookup).
 */
export function asksDefinition(question: string): boolean {
  if (EXPLICIT_DEFINITION_RE.test(question) || HOW_DEFINED_RE.test(question)) return true;
  if (!definedTerm(question)) return false;
  return BARE_TERM_RE.test(question) || /\bmean\s*\??\s*$|\bmeant\s+by\b/i.test(question);
}

/** The term a definition question asks about ("What is aggregate intrinsic value?" -> "aggregate intrinsic value"). */
export function definedTerm(question: string): string | null {
  const explicit = (EXPLICIT_DEFINITION_RE.exec(question) ?? HOW_DEFINED_RE.exec(question))?.groups?.term;
  if (explicit) return explicit.replace(/^["'“‘]|["'”’]$/g, '').trim();
  const m = DEFINITION_QUESTION_RE.exec(question);
  const term = (m?.groups?.term ?? m?.groups?.term2)?.replace(/^["'“‘]|["'”’]$/g, '').trim();
  if (!term || NOT_A_TERM_RE.test(term) || term.split(/\s+/).length > 6) return null;
  return term;
}
