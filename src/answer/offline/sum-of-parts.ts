import type { NumericClaim } from '../../numbers/index.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { tokenize } from '../../retrieval/tokenizer.js';
import { corpusStats, idf } from '../question/corpus-stats.js';
import { yearsIn } from '../question/question.js';
import { collectSentences, type ScoredSentence } from './evidence.js';
import { isAmount } from './numeric-operands.js';
import { finish, type NumericAnswer, run } from './numeric-result.js';
import { scoreSentences } from './sentence-scoring.js';

/** Wording that asks for the parts added up. */
const TOTAL = String.raw`(?:in total|altogether|all told|combined|together|overall|add up)`;
/** "Including A, what would B cost in total?": the part named first, then the rest of the question. */
const INCLUDING_RE = new RegExp(
  String.raw`^\s*(?:including|adding)\s+(?<a>[^,?]+?)\s*,\s*(?<b>[^?]*\b${TOTAL}\b[^?]*)\??\s*$`,
  'iu',
);
/** "What is the total cost of A and B?", "the combined price of A and B". */
const TOTAL_OF_RE =
  /\b(?:total|combined)\s+(?:[\p{L}-]+\s+)?of\s+(?<a>[^?]+?)\s+(?:and|plus)\s+(?<b>[^?]+?)\s*\??\s*$/iu;
/** "What do A and B cost together?", "How much would A and B come to in total?". */
const TOGETHER_RE = new RegExp(
  String.raw`^\s*(?:what|how much)\s+(?:do|does|did|would|will|is|are|was|were)\s+(?<a>[^?]+?)\s+(?:and|plus)\s+(?<b>[^?]+\b${TOTAL}\b[^?]*)\??\s*$`,
  'iu',
);
/** A question's wh-word and auxiliary before the part it names. */
const LEAD_RE = /^\s*(?:what|how much)\s+(?:do|does|did|would|will|is|are|was|were|could|might)\s+/iu;
/** The verb or total wording after the part ("cost in total before any contingency", "come to together"). */
const TAIL_RE = new RegExp(
  String.raw`\s+(?:(?:cost|costs|come|comes|amount|amounts|adds?|totals?|be|make|run)\b|${TOTAL}\b|(?:before|after|excluding)\b).*$`,
  'iu',
);

/** The part a stretch of the question names, without its wh-word, auxiliary and verb. */
const partOf = (text: string) => text.replace(LEAD_RE, '').replace(TAIL_RE, '').trim();

/** Passages retrieved for each part. */
const PASSAGES = 8;
/** Best sentences of each part searched for its amount. */
const SENTENCES = 5;

/** The two parts a question asks the total of, in its words; null when it names no two parts to add. */
export function partsToAdd(question: string): [string, string] | null {
  const m = INCLUDING_RE.exec(question) ?? TOTAL_OF_RE.exec(question) ?? TOGETHER_RE.exec(question);
  const a = m?.groups?.a && partOf(m.groups.a);
  const b = m?.groups?.b && partOf(m.groups.b);
  return a && b ? [a, b] : null;
}

/** The part's terms the other part does not have, rarest first: what tells its sentence from the other's. */
function ownTerms(snapshot: KnowledgeSnapshot, part: string, other: string): string[] {
  const stats = corpusStats(snapshot);
  const theirs = new Set(tokenize(other));
  return [...new Set(tokenize(part))]
    .filter((t) => !theirs.has(t) && stats.df.has(t))
    .sort((x, y) => idf(stats, y) - idf(stats, x));
}

/** A sentence calling its figure a total, which already adds parts up ("a total budget ceiling of £230,000"). */
const TOTAL_SAID_RE = /\b(?:total|in all|altogether|combined|overall|whole)\b/iu;
/** What the question leaves out of the total ("before any contingency", "excluding VAT"). */
const LEFT_OUT_RE = /\b(?:before|excluding|without|not counting)\s+(?:any\s+|the\s+)?(?<what>[\p{L}-]+)/iu;

/** An amount found for a part, with its sentence. */
interface PartAmount {
  figure: NumericClaim;
  source: ScoredSentence;
}

/**
 * The amounts a part may have in the documents, best first: in each of its best sentences with a term of its own,
 * the one nearest that term. A sentence with the other part's rarest term, with what the question leaves out, or
 * calling its figure a total is passed over: its figure is not this part's alone.
 */
async function amountsFor(
  snapshot: KnowledgeSnapshot,
  part: string,
  other: string,
  leftOut: readonly string[],
): Promise<PartAmount[]> {
  const own = ownTerms(snapshot, part, other);
  if (!own.length) return [];
  const avoid = [...ownTerms(snapshot, other, part).slice(0, 1), ...leftOut];
  const hits = await snapshot.retriever.search(part, { k: PASSAGES });
  const scored = scoreSentences(snapshot, collectSentences(snapshot, hits), {
    text: part,
    answerType: 'quantity',
    years: yearsIn(part),
    numbers: [],
    speakers: [],
  });
  const found: PartAmount[] = [];
  for (const s of scored.slice(0, SENTENCES)) {
    const { sentence } = s;
    const amounts = sentence.figures.filter(isAmount);
    const term = own.find((t) => sentence.termSet.has(t));
    if (!amounts.length || !term) continue;
    if (avoid.some((t) => sentence.termSet.has(t)) || TOTAL_SAID_RE.test(sentence.text)) continue;
    const at = sentence.start + Math.max(0, sentence.text.toLowerCase().indexOf(term));
    found.push({
      figure: amounts.reduce((x, y) => (Math.abs(y.start - at) < Math.abs(x.start - at) ? y : x)),
      source: s,
    });
  }
  return found;
}

/** The best-ranked pair of amounts, one per part, from one document and of one unit and currency. */
function samePlace(as: readonly PartAmount[], bs: readonly PartAmount[]): [PartAmount, PartAmount] | null {
  let best: [PartAmount, PartAmount] | null = null;
  let rank = Number.POSITIVE_INFINITY;
  as.forEach((a, i) => {
    bs.forEach((b, j) => {
      const fits =
        a.source.sentence.chunk.docId === b.source.sentence.chunk.docId &&
        a.figure.start !== b.figure.start &&
        a.figure.unit === b.figure.unit &&
        (a.figure.currency ?? null) === (b.figure.currency ?? null);
      if (fits && i + j < rank) [best, rank] = [[a, b], i + j];
    });
  });
  return best;
}

/**
 * "Including scaffolding, what would the roof job cost in total?", "the total cost of A and B": the amount the
 * documents give for each part, from the best sentences carrying a word of the part's own, added by the calculator;
 * both come from one document. Null for other questions, or when no such pair of amounts of one unit and currency is
 * found.
 */
export async function sumOfParts(snapshot: KnowledgeSnapshot, question: string): Promise<NumericAnswer | null> {
  const parts = partsToAdd(question);
  if (!parts) return null;
  const leftOut = tokenize(LEFT_OUT_RE.exec(question)?.groups?.what ?? '');
  const [as, bs] = await Promise.all([
    amountsFor(snapshot, parts[0], parts[1], leftOut),
    amountsFor(snapshot, parts[1], parts[0], leftOut),
  ]);
  const pair = samePlace(as, bs);
  if (!pair) return null;
  const [a, b] = pair;
  const result = run('sum', { values: [a.figure.text, b.figure.text] });
  const operands = [a, b].map((p) => ({ ...p.figure, source: p.source.sentence, rank: 0 }));
  return (
    result &&
    finish(
      result,
      operands,
      `${a.figure.text} for ${parts[0]} and ${b.figure.text} for ${parts[1]} add up to ${result.display}`,
    )
  );
}
