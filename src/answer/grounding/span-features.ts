import { isFirstName, isRegionName } from '../../language/name-words.js';
import type { TaggedToken } from '../../language/tagger.js';
import { stem } from '../../retrieval/tokenizer.js';
import { isUnitToken, unitDimensionOf } from './number-spans.js';
import { type Candidate, isContent, isQuotedWhole } from './span-candidates.js';
import { closeness, copulaLink, PROXIMITY_DECAY, run, type SpanContext, typeFitOf } from './span-context.js';
import {
  afterStranded,
  countedAfter,
  kindOfFocus,
  ofPhraseAsked,
  otherYear,
  PERCENT_TOKEN_RE,
} from './span-relations.js';

/** Tokens around a span within which a question word counts as next to it. */
const NEXT_TO = 2;

/** What a candidate span is weighed by, each documented by what it measures; all are 0..1 unless said. */
export const SPAN_FEATURES = [
  /** How well the span's kind fits the asked-for type (1 exact, less for a stand-in). */
  'typeFit',
  /** Closeness to the question's words in the sentence, rarer words counting more. */
  'closeness',
  /** Share of the span's tokens the question already has. */
  'overlap',
  'kindDate',
  'kindNumber',
  'kindName',
  'kindPhrase',
  /** A number followed by its unit noun ("38 metres"). */
  'numberWithUnit',
  /** The same, for a question asking for a measure, not a count ("how much", "how long", "how far"). */
  'unitForMeasure',
  /** A number whose unit measures the dimension the question asks about ("1.1 kg" for "how heavy"). */
  'unitOfAskedDimension',
  /** A number dated to a year other than those the question names ("17.2 minutes in 2022" for "in 2023"). */
  'otherYear',
  /** A number whose "of" phrase names a noun of the question ("500 g of strong white flour" for "how much flour"). */
  'ofAsked',
  /** The span is only the modifier of a noun the question has ("rounded" arches). */
  'modifierOfAsked',
  /** log(1 + tokens). */
  'length',
  'singleToken',
  /** The token before is a preposition. */
  'afterPreposition',
  /** A question word ends within two tokens before the span. */
  'afterQuestionWord',
  /** A question word starts within two tokens after the span. */
  'beforeQuestionWord',
  /** Question words stand on both sides of the span. */
  'betweenQuestionWords',
  /** Share of the question's words in the sentence that come before the span. */
  'questionWordsBefore',
  /** A comma just before or just after the span (an apposition). */
  'besideComma',
  /** A verb or auxiliary right after the span (the span is a subject). */
  'beforeVerb',
  /** The span is inside parentheses. */
  'inParentheses',
  /** The span is the whole text between quotation marks ("new converts"), but for the punctuation it ends with. */
  'inQuotes',
  /** Share of the span's tokens that are proper nouns. */
  'properShare',
  /** Share of the span's tokens that are capitalised. */
  'capitalShare',
  /** The span opens with a popular given name ("John Smeaton"). */
  'givenName',
  /** The same, for a "who" question. */
  'givenNameForPerson',
  /** The span, or its last word, names a country or world region ("Spain", "northern Syria"). */
  'regionName',
  /** The same, for a "where" question. */
  'regionForPlace',
  /** The same, for a "who" question (a country can be the actor: "Spain"). */
  'regionForPerson',
  /** The noun the wh-word asks about stands within two tokens of the span. */
  'nextToFocus',
  /** The span names a kind or an instance of the noun the wh-word asks about ("Africa" for "what continent"). */
  'kindOfFocus',
  /** The span ends just before the verb the question's subject wh-word takes ("X founded" for "who founded"). */
  'beforeSubjectVerb',
  /** The span starts just after the word before the question's late wh-word ("attached to X" for "attached to what"). */
  'afterWordBeforeWh',
  /** The span follows the preposition a question ends with, itself right after the verb it follows there ("mounted on a drive shaft" for "what are rotors mounted on?"). */
  'afterStrandedPreposition',
  /** The span follows, within three tokens, the question's main verb ("built castles" for "what did they build"). */
  'afterQuestionVerb',
  /** The span follows a copula or naming verb ("was", "called", "known as") that follows the question's words ("X was Y"). */
  'afterCopula',
  /** The span precedes a copula that the question's words follow ("Y is the X"). */
  'beforeCopula',
  /** Question words in an unbroken run right before the span (function words skipped), up to three, over three. */
  'leftRun',
  /** The same, right after the span. */
  'rightRun',
  /** No clause punctuation (comma, semicolon, colon, dash) between the span and its nearest question word. */
  'sameClause',
  /** Share of the question's words in the sentence that stand in the span's clause (between clause punctuation). */
  'clauseShare',
  /** Closeness to the rarest question word the sentence has. */
  'nearRarest',
  /** Mean rarity (IDF over ten) of the span's content words. */
  'rarity',
  /** Where the span starts in the sentence, 0 at the start to 1 at the end. */
  'position',
  /** A name offered for a "what/which" question. */
  'nameForThing',
  /** A figure offered for a "what/which" question. */
  'numberForThing',
  /** A percentage offered for a question that counts ("94%" for "how many accounts"). */
  'percentForCount',
  /** A number written right before the noun a "how many" question counts ("3 notebooks" for "how many notebooks"). */
  'countsAsked',
  /**
   * For a question asking what goes with something it names ("Along with fuel sources, what …"), the span is joined
   * by "and", "or" or a comma to a question word ("fuel sources and pollution").
   */
  'coordinatedForAlong',
  /** The span follows "by" after a form of the role a "who" question asks to fill ("curated by X" for "who is the curator"). */
  'agentOfRole',
] as const;

/** One feature's name. */
export type SpanFeature = (typeof SPAN_FEATURES)[number];

const CAPITAL_RE = /^\p{Lu}/u;
/** Tokens between a span and the question's verb or wh-neighbour within which it counts as next to it. */
const NEAR_VERB = 3;

const CLAUSE_PUNCT = new Set([',', ';', ':', '–', '—', '(', ')']);
const isClauseBreak = (t: TaggedToken) => CLAUSE_PUNCT.has(t.text);

/** Tokens between index `a` and a span. */
function between(tokens: readonly TaggedToken[], a: number, c: Candidate): readonly TaggedToken[] {
  return a < c.first ? tokens.slice(a + 1, c.first) : tokens.slice(c.last + 1, a);
}

/** Tokens from index `a` to the span's nearer edge. */
function gap(a: number, c: Candidate): number {
  return a < c.first ? c.first - a : a > c.last ? a - c.last : 0;
}

/**
 * Whether a token with the given lemma, or with its stem (the tagger may lemmatise "voting" as itself), stands at an
 * index that passes `near`.
 */
function within(lemma: string | null, ctx: SpanContext, near: (i: number) => boolean): boolean {
  if (lemma === null) return false;
  const root = stem(lemma);
  return ctx.tokens.some((t, i) => (t.lemma === lemma || ctx.stems[i] === root) && near(i));
}

/** Words that join a span to its neighbour in a list ("mills, mines and factories"). */
const COORDINATORS = new Set([',', 'and', 'or']);

/** Whether a span is joined by "and", "or" or a comma to a question word on either side ("X and Y", "Y, X"). */
function coordinatedWithAsked(c: Candidate, ctx: SpanContext): boolean {
  const { tokens, anchors } = ctx;
  const joiner = (i: number) => COORDINATORS.has(tokens[i]?.text.toLowerCase() ?? '');
  const left = c.first - 1;
  const beforeLeft = left - 1 >= 0 && tokens[left - 1]!.text === ',' ? left - 2 : left - 1;
  const right = c.last + 1;
  return (joiner(left) && anchors.includes(beforeLeft)) || (joiner(right) && anchors.includes(right + 1));
}

/** A title a name may follow "by" with ("curated by Dr Quenby"). */
const TITLE_RE = /^(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame)\.?$/iu;

/** Whether a span is the agent after "by" of a form of the role the question asks to fill ("curated by (Dr) X"). */
function agentOfRole(c: Candidate, ctx: SpanContext): boolean {
  if (!ctx.roleForms.size) return false;
  let i = c.first - 1;
  if (i >= 0 && TITLE_RE.test(ctx.tokens[i]!.text)) i--;
  return i > 0 && ctx.tokens[i]!.text.toLowerCase() === 'by' && ctx.roleForms.has(ctx.stems[i - 1]!);
}

/** The features of a trimmed candidate span, in {@link SPAN_FEATURES} order. */
export function spanFeatures(c: Candidate, ctx: SpanContext): Record<SpanFeature, number> {
  const { tokens, anchors, type } = ctx;
  const span = tokens.slice(c.first, c.last + 1);
  const n = span.length;
  const before = anchors.filter((a) => a < c.first);
  const after = anchors.filter((a) => a > c.last);
  const prev = tokens[c.first - 1];
  const next = tokens[c.last + 1];
  const focusAt = ctx.focus ? tokens.flatMap((t, i) => (t.lemma === ctx.focus ? [i] : [])) : [];
  const yes = (b: boolean) => (b ? 1 : 0);
  const nearest = anchors.reduce<number | undefined>(
    (a, x) => (a === undefined || gap(x, c) < gap(a, c) ? x : a),
    undefined,
  );
  const rarest = anchors.reduce<number | undefined>(
    (a, x) => (a === undefined || ctx.weigh(tokens[x]!.lemma) > ctx.weigh(tokens[a]!.lemma) ? x : a),
    undefined,
  );
  const content = span.filter(isContent);
  const given = c.kind === 'name' && n > 1 && isFirstName(span[0]!.text);
  const dimension = c.kind === 'number' && c.last > c.first ? unitDimensionOf(tokens, c) : undefined;
  const region = isRegionName(span.map((t) => t.text).join(' ')) || (n > 1 && isRegionName(span[n - 1]!.text));
  return {
    typeFit: typeFitOf(type, c, tokens),
    closeness: closeness(c, ctx),
    overlap: span.filter((t) => isContent(t) && ctx.asked(t)).length / n,
    kindDate: yes(c.kind === 'date'),
    kindNumber: yes(c.kind === 'number'),
    kindName: yes(c.kind === 'name'),
    kindPhrase: yes(c.kind === 'phrase'),
    numberWithUnit: yes(c.kind === 'number' && isUnitToken(span[n - 1])),
    unitForMeasure: yes(ctx.measure && c.kind === 'number' && isUnitToken(span[n - 1])),
    unitOfAskedDimension: yes(dimension !== undefined && ctx.dimensions.includes(dimension)),
    otherYear: yes(ctx.years.length > 0 && c.kind === 'number' && otherYear(ctx.figureYear(c), ctx.years)),
    ofAsked: yes(c.kind === 'number' && ofPhraseAsked(tokens, c.last, ctx)),
    modifierOfAsked: yes(c.modifier === true),
    length: Math.log1p(n),
    singleToken: yes(n === 1),
    afterPreposition: yes(prev?.pos === 'ADP'),
    afterQuestionWord: yes(before.some((a) => c.first - a <= NEXT_TO)),
    beforeQuestionWord: yes(after.some((a) => a - c.last <= NEXT_TO)),
    betweenQuestionWords: yes(before.length > 0 && after.length > 0),
    questionWordsBefore: anchors.length ? before.length / anchors.length : 0,
    besideComma: yes(prev?.text === ',' || next?.text === ','),
    beforeVerb: yes(next?.pos === 'VERB' || next?.pos === 'AUX'),
    inParentheses: yes(prev?.text === '(' && next?.text === ')'),
    inQuotes: yes(isQuotedWhole(tokens, c.first, c.last)),
    properShare: span.filter((t) => t.pos === 'PROPN').length / n,
    capitalShare: span.filter((t, i) => CAPITAL_RE.test(t.text) && c.first + i > 0).length / n,
    givenName: yes(given),
    givenNameForPerson: yes(given && type === 'person'),
    regionName: yes(region),
    regionForPlace: yes(region && type === 'place'),
    regionForPerson: yes(region && type === 'person'),
    nextToFocus: yes(focusAt.some((f) => (f < c.first ? c.first - f : f - c.last) <= NEXT_TO && f !== c.first)),
    kindOfFocus: yes(kindOfFocus(span, c, ctx.focus)),
    beforeSubjectVerb: yes(within(ctx.subjectVerb, ctx, (i) => i > c.last && i - c.last <= NEAR_VERB)),
    afterWordBeforeWh: yes(within(ctx.beforeWh, ctx, (i) => i < c.first && c.first - i <= NEAR_VERB)),
    afterStrandedPreposition: yes(afterStranded(tokens, c, ctx)),
    afterQuestionVerb: yes(within(ctx.mainVerb, ctx, (i) => i < c.first && c.first - i <= NEAR_VERB)),
    afterCopula: yes(copulaLink(c, ctx, -1)),
    beforeCopula: yes(copulaLink(c, ctx, 1)),
    leftRun: run(c, ctx, -1),
    rightRun: run(c, ctx, 1),
    sameClause: yes(nearest !== undefined && !between(tokens, nearest, c).some(isClauseBreak)),
    clauseShare: anchors.length
      ? anchors.filter((a) => !between(tokens, a, c).some(isClauseBreak)).length / anchors.length
      : 0,
    nearRarest: rarest === undefined ? 0 : 1 / (1 + PROXIMITY_DECAY * gap(rarest, c)),
    rarity: content.length ? Math.min(1, content.reduce((a, t) => a + ctx.weigh(t.lemma), 0) / content.length / 10) : 0,
    position: tokens.length > 1 ? c.first / (tokens.length - 1) : 0,
    nameForThing: yes(type === 'thing' && c.kind === 'name'),
    numberForThing: yes(type === 'thing' && (c.kind === 'number' || c.kind === 'date')),
    percentForCount: yes(ctx.count && c.kind === 'number' && PERCENT_TOKEN_RE.test(span[n - 1]!.text)),
    countsAsked: yes(c.kind === 'number' && ctx.counted !== null && countedAfter(tokens, c.last, ctx.counted)),
    coordinatedForAlong: yes(ctx.alongWith && coordinatedWithAsked(c, ctx)),
    agentOfRole: yes(agentOfRole(c, ctx)),
  };
}

/** A weighted sum of a candidate's features. */
export function spanScore(features: Record<SpanFeature, number>, weights: Record<SpanFeature, number>): number {
  let score = 0;
  for (const f of SPAN_FEATURES) score += weights[f] * features[f];
  return score;
}
