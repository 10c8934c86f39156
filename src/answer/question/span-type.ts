import { isPersonNoun } from '../../language/person-nouns.js';
import { EARLIER_PERIOD } from '../../language/relative-periods.js';
import { tagText } from '../../language/tagger.js';
/**
 * The kind of span a question asks for, read from its wh-word and the noun after it:
 * `person` (who: a person, group or organisation), `date` (when, what year), `place` (where),
 * `number` (how many / how much / what percentage), `thing` (what / which + a noun: a named thing
 * or noun phrase), `clause` (what something consists of, includes, relates to or is due to: the clause after
 * the sentence's relation word), `reason` (why / how: sentences; for "why", the cause clause a sentence states), or null (yes/no and other wordings).
 */
export type SpanType = 'person' | 'date' | 'place' | 'number' | 'thing' | 'clause' | 'reason';

const TIME_NOUNS = 'year|years|date|day|month|century|centuries|decade|decades|era|period|time|season|age';
const PLACE_NOUNS =
  'country|countries|city|cities|town|towns|place|places|region|regions|location|continent|state|province|area|island|village|nation|port|capital|county|district';
const PERSON_NOUNS =
  'person|people|man|woman|men|women|king|queen|leader|leaders|president|ruler|author|scientist|group|groups|organi[sz]ation|company|firm|team|body|official|minister|general|emperor|family|tribe|individual';
const NUMBER_NOUNS =
  'percentage|percent|number|amount|share|proportion|fraction|rate|ratio|margin|total|sum|count|figure|value|price|cost|size';
/** "How" with these asks for a quantity or measure, not a manner ("how heavy is it?", "how often"). */
const HOW_DEGREE =
  'many|much|long|old|far|big|large|small|tall|high|low|deep|wide|thick|short|heavy|hot|warm|cold|often|fast';
/** Nouns of a physical dimension: "what temperature", "at what speed". */
const DIMENSION_NOUNS = 'temperature|weight|height|depth|width|distance|duration|capacity|speed';
/** Nouns of money and other measured quantities: "what was the compensation expense in 2019?". */
const MEASURE_NOUNS =
  'expenses?|costs|revenues?|income|sales|earnings|profits?|loss(?:es)?|tax(?:es)?|payments?|fees?|balance|budget|salary|wages?|debt|population|spending|turnover|inflation|rainfall|attendance|turnout|unemployment';
/** Nouns of a change in a measured figure: "what was the increase in the write-down in 2018?". */
const CHANGE_NOUNS = 'increases?|decreases?|growth|declines?|rises?|drops?|reductions?';
/** "What was the (net) increase in / of / from X": the size of a change, not "the factors behind the growth". */
const CHANGE_LOOKUP = String.raw`\bwhat (?:is|was|were|are) (?:the |its |their )?(?:[\w-]+ )?(?:${CHANGE_NOUNS}) (?:in|of|for|from)\b`;

/**
 * One optional word between "what"/"which" and the noun that says the asked-for kind ("what river", "which
 * Norman king"), never an auxiliary: "what do capital leases reflect" asks about leases, not a capital.
 */
const ONE_MODIFIER = String.raw`(?:(?!(?:do|does|did|has|have|had|will|would|can|could|should|may|might|must)\b)\w+\s+)?`;

/** A question asking for a cause with a verb instead of "why": "what caused the flood?", "what led to the strike?". */
export const CAUSE_QUESTION_RE = /^\W*what (?:caused|causes|led to|leads to|triggered|prompted|brought about)\b/i;

/** "What was the <words> <noun> in|for|of …", for one of the given nouns. */
const lookupOf = (nouns: string) =>
  new RegExp(
    String.raw`\bwhat (?:is|was|were|are) (?:the |its |their )?(?!an?\b)(?:(?!of\b|for\b|in\b)[\w'’-]+ ){0,3}(?:${nouns})\s*(?:\?|$|\b(?:in|for|of|at|on|during|as of|${EARLIER_PERIOD})\b)`,
    'i',
  );
/** "What was the <words> expense / revenue / rate in|for|of …": a lookup of a measured figure. */
const MEASURE_LOOKUP = lookupOf(`${NUMBER_NOUNS}|${MEASURE_NOUNS}`);
/** The same for a noun of what is measured, not of the kind of figure: "what was the rainfall", not "what was the number". */
const NAMED_MEASURE_LOOKUP = lookupOf(MEASURE_NOUNS);

/** Whether a question looks up a measured figure by name ("What was Orlen's net income in 2023?"). */
export function asksMeasureLookup(question: string): boolean {
  return MEASURE_LOOKUP.test(question);
}

/**
 * Whether a question looks up a figure by the noun of what it measures ("What was the rainfall in July?"), whose
 * unit belongs to the answer.
 */
export function asksNamedMeasure(question: string): boolean {
  return NAMED_MEASURE_LOOKUP.test(question);
}

const RULES: readonly [SpanType | null, RegExp][] = [
  ['reason', /^\W*(?:(?:and|so|but|then|ok(?:ay)?)\W+)?why\b|\bfor what reason\b|\bhow come\b/i],
  ['reason', CAUSE_QUESTION_RE],
  [
    'clause',
    new RegExp(
      [
        String.raw`\bwhat (?:do|does|did|is|are|was|were)\b[^?]*\b(?:consists? of|include|comprise(?: of)?|composed of|made up of|relate to|due to|attributable to)\s*\??\s*$`,
        String.raw`\bwhat (?:is|are|was|were) (?:included|comprised) in\b`,
      ].join('|'),
      'i',
    ),
  ],
  [null, /\bwhere (?:does|do|did|is|was|are|were)\b.*\b(?:rank|ranks|stand|stands)\b/i],
  [
    'date',
    new RegExp(
      [
        // "when" opening the question, not a "when" clause before its real wh-word ("When X is slow, what case is it?")
        String.raw`^(?:(?!\b(?:who|whom|whose|what|which|where|how)\b).)*\bwhen\b(?!\s+(?!(?:did|does|do|was|were|is|are|will|has|have|had|can|could|would|should)\b)[^?]*,[^?]*\b(?:who|whom|whose|what|which|where|how)\b)`,
        String.raw`\b(?:what|which|in what|in which|during what|during which)\s+(?!(?:present|modern)[- ]day\b)${ONE_MODIFIER}(?:${TIME_NOUNS})\b`,
        String.raw`\bhow long ago\b`,
        String.raw`\bsince when\b`,
        String.raw`哪一?天|哪一?年|哪个月|几月|何时|什么时候|哪一?日|几号`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'number',
    new RegExp(
      [
        String.raw`\bhow (?:${HOW_DEGREE})\b`,
        String.raw`\b(?:what|which)\s+${ONE_MODIFIER}(?:${NUMBER_NOUNS}|${DIMENSION_NOUNS})\b`,
        String.raw`\bwhat (?:is|was|are|were) (?:the |its |their )?(?:[\w-]+ )?(?:${DIMENSION_NOUNS})\b`,
        MEASURE_LOOKUP.source,
        CHANGE_LOOKUP,
        String.raw`多少|几(?:个|家|条|场|次|项|所|座)`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'place',
    new RegExp(
      String.raw`^\W*(?:\w+\W+){0,2}?(?:from |in |to )?where\b|\b(?:what|which|in what|in which|from what|from which)\s+${ONE_MODIFIER}(?:${PLACE_NOUNS})\b`,
      'i',
    ),
  ],
  ['person', new RegExp(String.raw`\bwho(?:m|se)?\b|\b(?:what|which)\s+${ONE_MODIFIER}(?:${PERSON_NOUNS})\b|谁`, 'i')],
  [
    'reason',
    new RegExp(
      [
        String.raw`^\W*(?:(?:and|so|but|then|ok(?:ay)?)\W+)?how\b(?!\s+(?:${HOW_DEGREE})\b)`,
        String.raw`\bin what way\b`,
        String.raw`\bexplain\b`,
        String.raw`\bdescribe\b`,
      ].join('|'),
      'i',
    ),
  ],
  ['thing', /\b(?:what|which)\b|\bname (?:the|a|an|one)\b/i],
];

/** The span type a question asks for (see {@link SpanType}); null when it asks for none. */
export function detectSpanType(question: string): SpanType | null {
  for (const [type, re] of RULES) {
    if (!re.test(question)) continue;
    return type === 'thing' && asksForPersonNoun(question) ? 'person' : type;
  }
  return null;
}

/** Words after "what"/"which" read for the noun that says the asked-for kind. */
const HEAD_WINDOW = 5;
const WH_WORD_RE = /^(?:what|which)$/i;

/**
 * A "what"/"which" question whose noun phrase ends in a noun WordNet knows first as a person ("which commerce
 * ministry official", "what architect"): it asks for someone, as "who" does.
 */
function asksForPersonNoun(question: string): boolean {
  const { tokens } = tagText(question);
  const at = tokens.findIndex((t) => WH_WORD_RE.test(t.text));
  if (at < 0) return false;
  let head: string | undefined;
  for (const t of tokens.slice(at + 1, at + 1 + HEAD_WINDOW)) {
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ') break;
    if (t.pos === 'NOUN') head = t.lemma;
  }
  return head !== undefined && isPersonNoun(head);
}

/** A follow-up that asks again what the earlier question asked ("what about exports?", "and what was it in 2019?"). */
const ASKS_AGAIN_RE =
  /^\W*(?:(?:and|so|but|then|ok(?:ay)?)\W+)?what\s+(?:about\b|(?:is|was|are|were)\s+(?:it|that|this|they|those)\b)/i;

/**
 * The span type a follow-up asks for: its own words' type, unless they only ask again what the earlier question
 * asked ("and what was it for young people?"), whose type `question` (the earlier question with the turn) then gives.
 */
export function followUpSpanType(turn: string, question: string): SpanType | null {
  const own = detectSpanType(turn);
  if (own !== null && own !== 'thing') return own;
  return ASKS_AGAIN_RE.test(turn) || own === null ? (detectSpanType(question) ?? own) : own;
}
