import type { CalcOp } from '../../numbers/index.js';
import { HAN_OP_RULES } from './han-ops.js';

const HAN_RE = /\p{Script=Han}/u;

/** A calendar year as questions write it ("2019", "FY2019"). */
const YEAR = String.raw`(?<!\d)(?:19|20)\d\d(?!\d)`;
/** Two years later in the question ("from 2018 to 2019", "for 2019 and 2018"). */
const TWO_YEARS_AHEAD = `(?=[^?]*${YEAR}[^?]*${YEAR})`;
/** Not a question about causes ("why did ...", "what caused the increase in ..."). */
const NOT_WHY = String.raw`(?<!\b(?:why|caused?|causes|drove|drives|explains?|led to|behind|reasons?)\b[^?]*)`;
/** An average that is a growth rate ("average annual growth", "average growth rate", "average % change") is not a mean of values. */
const NOT_GROWTH = String.raw`(?!\s+(?:annual|yearly|compound|growth|rate of growth|(?:percent(?:age)?|%) (?:growth|change|increase|decrease)|annuali[sz]ed)\b)`;
/** "On average", "the global average", "above average" name a benchmark, and "weighted-average X" a measure, not a mean to compute. */
const NOT_BENCHMARK = String.raw`(?<!\b(?:on|above|below|than|global|world|worldwide|industry|national|international|market|sector|regional|peer|country|group|weighted)[\s-]+)`;
/** Words that make "combined" a name ("combined ratio", "the combined company"), not a sum. */
const NOT_NAMED_COMBINED = String.raw`(?!\s+(?:ratio|company|group|entity|business|firm|effect|impact|with|financial|statements?|accounts)\b)`;
/** "What was" / "what's" (either apostrophe). */
const WHAT_IS = String.raw`\bwhat(?:['’]s| (?:was|is|were|are|would be))`;

const AVERAGE_RE = new RegExp(
  [
    String.raw`${WHAT_IS} the (?:arithmetic )?(?:average|mean)\b${NOT_GROWTH}`,
    String.raw`${NOT_BENCHMARK}\b(?:average|avg\.?|mean) (?:of|value of|amount of)\b`,
    String.raw`${NOT_BENCHMARK}\b(?:average|avg)\b${NOT_GROWTH}${TWO_YEARS_AHEAD}`,
    String.raw`\b(?:the|arithmetic) mean\b(?!\s+(?:that|to|by|for)\b)`,
  ].join('|'),
  'i',
);

const SUM_RE = new RegExp(
  [
    String.raw`\bsum of\b`,
    String.raw`\btotal\b(?=[^?]*\b(?:across|over|for|in) (?:all |the |each of the )?(?:\d|two|three|four|five) (?:years|periods|quarters)\b)`,
    String.raw`${WHAT_IS} the sum\b`,
    String.raw`(?<!\ba\s)\btotal of\b(?=[^?]*\b(?:and|plus)\b)`,
    String.raw`\bcombined\b${NOT_NAMED_COMBINED}(?=[^?]*\b(?:and|plus)\b)`,
    String.raw`(?<=\b(?:and|plus)\b[^?]*)(?<!\b(?:is|are|was|were|be|been|being)\s+)\b(?:combined\b${NOT_NAMED_COMBINED}|in total\b|altogether\b|added together\b|add up\b)`,
  ].join('|'),
  'i',
);

/** Units a rate is seldom computed per, because reports state it so ("per share", "per cent", "per year"). */
const STATED_PER = String.raw`(?:share|cent|annum|year|month|week|day|hour|quarter)`;
/** Words of a price ("how much does it cost per user"), which documents state per unit rather than leave to compute. */
const PRICE_WORDS = String.raw`(?:costs?|costing|charged?|charges|price[ds]?|pay|paid|fees?|rent)`;
/**
 * A rate the question asks for ("on average, how many goals per match", "how much revenue per employee"): the one figure
 * over the other. Rates reports state ("earnings per share") and prices ("how much will the plan cost per user") are
 * left out, see {@link STATED_PER} and {@link PRICE_WORDS}.
 */
const PER_UNIT_RE = new RegExp(
  String.raw`^(?![^?]*\b${PRICE_WORDS}\b)[^?]*\b(?:on average|how (?:many|much))\b[^?]*\bper (?!${STATED_PER}\b)[\p{L}-]+`,
  'iu',
);

/** A count as questions write it: digits, not a year, or a number word. */
const COUNT = String.raw`(?:(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
/**
 * A total over a count of units ("the total rent over the 40-week contract", "how much will I pay for 3 nights",
 * "what would four weeks of childcare cost"), which a value given per unit answers taken that many times; not a
 * percentage or share. It matches no text, so the question keeps its words for retrieval.
 */
const PRODUCT_RE = new RegExp(
  String.raw`^(?![^?]*(?:%|\bper ?cent|\bpercentage|\bshare|\bproportion|\bratio))(?=[^?]*\b(?:total|in all|altogether|costs?|pay|spend|come to|how much)\b)(?=[^?]*\b(?:over|for|across|during|of)\s+(?:the\s+|a\s+)?${COUNT}[\s-]+[a-z]+|[^?]*\b${COUNT}\s+[a-z]+\s+of\b|[^?]*\bhow much (?:do|does|would|will)\s+${COUNT}\s+[a-z]+)`,
  'i',
);

const OP_RULES: readonly [CalcOp, RegExp][] = [
  ['pp_change', /percentage[- ]?points?|\bpp\b|\bpoints? (?:did|has|have|was)\b|\bhow many points\b/i],
  [
    'annualized_multiple',
    new RegExp(
      [
        String.raw`(?:\d+(?:\.\d+)?\s*(?:x|times|-?fold)|tenfold|ten times|\bfold\b|\bdoubl|\btripl).*(?:per year|a year|annual|yearly|each year|every year)`,
        String.raw`(?:per year|a year|annual|yearly).*(?:\d+\s*(?:x|times|-?fold)|tenfold|ten times|\bdoubl|\btripl)`,
      ].join('|'),
      'i',
    ),
  ],
  ['ratio', PER_UNIT_RE],
  ['average', AVERAGE_RE],
  ['sum', SUM_RE],
  ['product', PRODUCT_RE],
  [
    'project',
    new RegExp(
      [
        String.raw`\b(?:kept|keeps|continued?|continues|sustained?)\b.*\b(?:compound|grow|growing|rate|pace)\b`,
        String.raw`\bat (?:this|that|its|the same) (?:rate|pace)\b`,
        String.raw`\bprojected?\b`,
        String.raw`\bwould (?:it|they|that|this)? ?(?:reach|be|hit)\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'cagr',
    new RegExp(
      [
        String.raw`\bcagr\b`,
        String.raw`compound(?:ed)? (?:annual|yearly|growth)`,
        String.raw`average annual`,
        String.raw`\bannuali[sz]ed\b`,
        String.raw`annual (?:average )?(?:growth|rate)`,
        String.raw`\b(?:per|a|each) year\b(?!\s+(?:earlier|ago|before|later|after|previously|prior)\b)`,
        String.raw`\byearly (?:growth|rate)\b`,
        String.raw`\bannual growth\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'implied_base',
    new RegExp(
      [
        String.raw`\bgiven (?:the |a |an |its )?\d+(?:\.\d+)?\s*(?:%|percent|per cent) (?:growth|increase|rise|gain)\b`,
        String.raw`\b(?:year before|previous year|prior year|year earlier|the year prior|before that year|last year's level|base year|back out|work(?:ing)? back(?:wards?)?|starting (?:value|level|point)|before (?:the|that) (?:growth|increase))\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'implied_whole',
    new RegExp(
      [
        String.raw`\b(?:how (?:big|large|much) (?:was|is|would) (?:the )?(?:total|whole|overall)|(?<!\bwhat (?:percent(?:age)?|share|fraction|proportion) of (?:the )?)total \w+(?: \w+)? (?:was|is|would be)|implied (?:total|whole)|of what total|what (?:total|whole) does\b|what was the whole\b)`,
        String.raw`\bif [^?]*\d+(?:\.\d+)?\s*%\s*of\b`,
        String.raw`\d+(?:\.\d+)?\s*%\s*of\b[^?]*[.?!—–-]\s*(?:so |then )?[^?]*\b(?:imply|implies|implied|overall|total|whole|roughly what|how (?:big|large|much))\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'share',
    new RegExp(
      [
        String.raw`\bwhat (?:percent(?:age)?|share|fraction|proportion) of(?= [^?]*\b(?:was|were|is|are|came from|come from|went to|goes to)\b)`,
        String.raw`\bwhat (?:percent(?:age)?|share|fraction|proportion) of (?:the )?(?:\d{4}|\w+['’]s)? ?(?:level|value|figure|amount|total|size)\b`,
        String.raw`\bas an? (?:percent(?:age)?|share|proportion|fraction|%) of\b`,
        String.raw`\bpercentage (?:constitution|composition) of\b`,
        String.raw`\bwhat (?:is|was) the (?:percent(?:age)?|share) of\b(?=[^?]*\b(?:in|of|over|among|within) (?:the )?(?:[\w-]+ )?total\b)`,
        String.raw`\b(?:percent(?:age)?|share) of\b[^?]*\bover\b`,
        String.raw`\bwhat (?:percent(?:age)?|share|fraction|proportion) of (?:the )?(?:19|20)\d\d\b[^?]*\b(?:19|20)\d\d\b`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'ratio',
    new RegExp(
      [
        String.raw`\bproportion of\b[^?]*\bover\b`,
        String.raw`\bratio of\b(?=[^?]*\b(?:to|and|versus|vs\.?)\b)`,
        String.raw`\bratio between\b`,
        String.raw`\bwhat(?:['’]s| (?:was|is|were|are)) the ratio\b(?= of| between)`,
        String.raw`\bhow many times\b`,
        String.raw`\bby what (?:factor|multiple)\b`,
        String.raw`\bwhat multiple\b`,
        String.raw`\b(?:times|x) (?:bigger|larger|greater|higher)\b`,
      ].join('|'),
      'i',
    ),
  ],
  // Report readers' wordings: "the change in X between 2018 and 2019", "nominal difference", "how much did X decrease by".
  [
    'difference',
    new RegExp(
      [
        String.raw`\bnominal (?:difference|change)\b`,
        String.raw`\bincrease\s*\/\s*\(?\s*decrease\s*\)?\s*in\b`,
        String.raw`${NOT_WHY}\b(?:increase|decrease|change) in\b(?=[^?]*\bfrom (?:fiscal |fy ?)?(?:19|20)\d\d and (?:fiscal |fy ?)?(?:19|20)\d\d\b)`,
        String.raw`\bdifference (?:in|of)\b(?=[^?]*\b(?:between|from|and|versus|vs\.?|compared)\b)`,
        String.raw`${NOT_WHY}\bchange in\b${TWO_YEARS_AHEAD}`,
        String.raw`${NOT_WHY}\b(?:increase|decrease|decline|rise|fall|drop|reduction) in\b(?=[^?]*\bfrom\b[^?]*\bto\b|[^?]*\bbetween\b[^?]*\band\b)`,
        String.raw`\bhow much (?:did|does|do|has|have|had|was|were|is|are)\b(?=[^?]*\b(?:increase|decrease|decline|grow|rise|fall|drop|reduce|change|climb)(?:[sd]|ed)?\s+by\b|[^?]*\b(?:grew|grown|rose|risen|fell|fallen|dropped|go(?:ne)? (?:up|down)) by\b)`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'difference',
    new RegExp(
      [
        String.raw`\bdifference between\b`,
        String.raw`\bhow (?:much|many \w+(?: \w+)?) (?:did|does|has|have) [^?]*\b(?:add|added|gain|gained)\b`,
        String.raw`\bhow many (?:more )?(?:billion|million|trillion)\b`,
        String.raw`\bin absolute terms\b`,
        String.raw`\bin (?:dollar|yuan|money) terms\b`,
        String.raw`\bhow much (?:bigger|larger|more|higher|greater|longer|shorter|taller|heavier|lighter|deeper|wider)\b`,
        String.raw`\bhow much (?:less|lower|smaller|cheaper|dearer|costlier)\b(?=[^?]*\bthan\b)`,
        String.raw`\bhow many (?:more|fewer|less)\b(?=[^?]*\bthan\b)`,
        String.raw`\bby how many (?!percent|percentage|points?\b|times\b)[\w-]+ (?:did|does|do|has|have|had|was|were|is|are|will|would)\b`,
        String.raw`\bby how (?:much|many \w+)\b(?=[^?]*\b(?:beat|beats|beaten|exceed(?:s|ed)?|surpass(?:es|ed)?|outstrip(?:s|ped)?|top(?:s|ped)?|than)\b)`,
      ].join('|'),
      'i',
    ),
  ],
  [
    'growth_rate',
    new RegExp(
      [
        String.raw`%\s*(?:rise|gain|jump)\b`,
        String.raw`\bpercent(?:age)? (?:rise|gain|jump)\b`,
        String.raw`\bby what percent(?:age)?\b`,
        String.raw`\bwhat (?:percent(?:age)?|%) (?:did|does|do|has|have|had)\b[^?]*\b(?:increas|decreas|grow|grew|rise|rose|fell|fall|declin|drop|chang)\w*`,
        String.raw`\bhow much (?:did|has|have) [^?]*\b(?:grow|grew|increase|rise|expand)\b`,
        String.raw`\bpercent(?:age)? (?:growth|increase|change|rise|decrease|decline|drop|fall|reduction)\b`,
        String.raw`%\s*(?:growth|increase|change|decrease|decline|drop|fall|reduction)\b`,
        String.raw`\bchange in percent(?:age)?\b(?!\s*points?)`,
        String.raw`\bby how much\b`,
        String.raw`\btotal growth\b`,
        String.raw`\bgrowth (?:rate )?(?:between|from)\b`,
        String.raw`\bwhat (?:is|was|were|are|has been|had been) the (?:growth|growth rate|rate of growth) (?:in|of|for)\b`,
        String.raw`\b(?:year[- ]over[- ]year|year[- ]on[- ]year|yoy)\b[^?]*\bgrowth\b|\bgrowth\b[^?]*\b(?:year[- ]over[- ]year|year[- ]on[- ]year)\b`,
        String.raw`\bhow (?:did|has|have|does) [^?]*\bchange\b[^?]*\b(?:19|20)\d\d\b[^?]*\b(?:19|20)\d\d\b`,
      ].join('|'),
      'i',
    ),
  ],
];

/** The calculator operation a question's wording asks for, or null. */
export function detectOp(text: string): CalcOp | null {
  for (const [op, re] of HAN_RE.test(text) ? [...HAN_OP_RULES, ...OP_RULES] : OP_RULES) {
    if (!re.test(text)) continue;
    return op === 'difference' && /%|percent/i.test(text) ? 'growth_rate' : op;
  }
  return null;
}

/**
 * The question without the words that name its calculation ("compound annual growth rate",
 * "percentage points"): they ask for an operation, not for a topic the documents must mention.
 */
export function withoutOpWording(text: string, op: CalcOp | null): string {
  if (!op) return text;
  return [...HAN_OP_RULES, ...OP_RULES]
    .filter(([o]) => o === op || (op === 'growth_rate' && o === 'difference'))
    .reduce((t, [, re]) => t.replace(new RegExp(re.source, 'gi'), ' '), text);
}
