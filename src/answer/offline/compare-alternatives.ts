import { type NumericClaim, scaleFactor } from '../../numbers/index.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { yearsIn } from '../question/question.js';
import type { CitationList } from './citations.js';
import { collectSentences, type EvidenceSentence } from './evidence.js';
import { firstGrowth } from './growth-figure.js';
import { scoreSentences } from './sentence-scoring.js';

/**
 * "Which grew faster year on year: A or B?", "Which is larger, A or B?": a comparative, then two alternatives
 * after a colon or comma, joined by "or".
 */
const COMPARE_RE =
  /^\s*(?:which|what)\b(?<lead>[^?:]*?)\b(?<cmp>faster|slower|more|less|larger|smaller|bigger|higher|lower|greater)\b(?<rest>[^?:,]*?)\s*[:,]\s*(?<a>[^?]+?)\s*,?\s+or\s+(?<b>[^?]+?)\s*\??\s*$/i;
const LESS_RE = /^(?:slower|less|smaller|lower)$/i;
const GROWTH_RE = /\b(?:grow|grew|grown|growth|increase[sd]?|rise|rose|risen|expand(?:ed)?)\b/i;
/** Passages retrieved for each alternative. */
const PASSAGES = 8;
/** Best sentences of each alternative searched for its figure. */
const SENTENCES = 3;
/** Least share of an alternative's words (weighted) a sentence must carry to give its figure. */
const MIN_COVERAGE = 0.5;

/** One alternative of a comparison, with the figure and sentence the documents give for it. */
export interface Alternative {
  text: string;
  figure: NumericClaim;
  /** The figure as compared: signed growth for a growth comparison, else the figure's value in units ($1.2 billion as 1.2e9). */
  value: number;
  source: EvidenceSentence;
}

/** A comparison of two alternatives the documents give figures for, the asked-for one first. */
export interface Comparison {
  winner: Alternative;
  other: Alternative;
  /** What the question compares them by, from its own words ("grew faster year on year", "is larger"). */
  predicate: string;
}

/** The figure one alternative has in the documents: a stated growth when growth is compared, else the first figure. */
async function figureFor(
  snapshot: KnowledgeSnapshot,
  text: string,
  predicate: string,
  growth: boolean,
): Promise<Alternative | null> {
  const query = `${text} ${predicate}`;
  const hits = await snapshot.retriever.search(query, { k: PASSAGES });
  const scored = scoreSentences(snapshot, collectSentences(snapshot, hits), {
    text,
    answerType: 'quantity',
    years: yearsIn(text),
    numbers: [],
    speakers: [],
  });
  for (const s of scored.slice(0, SENTENCES)) {
    if (s.coverage < MIN_COVERAGE) continue;
    const { figures, text: sentence, start } = s.sentence;
    if (growth) {
      const g = firstGrowth(figures, sentence, start);
      if (g) return { text, figure: g.figure, value: g.value, source: s.sentence };
    } else {
      const f = figures.find((x) => x.unit !== 'year' && x.unit !== 'label' && x.unit !== 'duration');
      if (f) return { text, figure: f, value: f.value * scaleFactor(f.scale), source: s.sentence };
    }
  }
  return null;
}

/**
 * Answers "which grew faster: A or B?" by the figure the documents give for each alternative, each from the best
 * sentence about it; null for other questions, when either has no figure, when their figures are of different
 * kinds, or when they are equal (as when both alternatives lead to one sentence).
 */
export async function compareAlternatives(snapshot: KnowledgeSnapshot, question: string): Promise<Comparison | null> {
  const m = COMPARE_RE.exec(question)?.groups;
  if (!m) return null;
  const predicate = `${m.lead} ${m.cmp} ${m.rest}`.replace(/\s+/g, ' ').trim();
  const growth = GROWTH_RE.test(predicate);
  const [a, b] = await Promise.all([
    figureFor(snapshot, m.a!, predicate, growth),
    figureFor(snapshot, m.b!, predicate, growth),
  ]);
  if (!a || !b || a.figure.unit !== b.figure.unit || a.value === b.value) return null;
  const aWins = LESS_RE.test(m.cmp!) ? a.value < b.value : a.value > b.value;
  return aWins ? { winner: a, other: b, predicate } : { winner: b, other: a, predicate };
}

const capitalised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The answer to a comparison: which alternative, both figures, and the two quotes they come from. */
export function composeComparison(c: Comparison, cites: CitationList, docText: (docId: string) => string): string {
  const [w, o] = [c.winner, c.other];
  const nw = cites.cite([w.source], 1, docText(w.source.chunk.docId));
  const no = cites.cite([o.source], 1, docText(o.source.chunk.docId));
  const says = (s: EvidenceSentence) => (s.chunk.speaker ? `${s.chunk.speaker} says` : `“${s.chunk.title}” says`);
  return [
    `${capitalised(w.text)} ${c.predicate}: ${w.figure.text} [${nw}], against ${o.figure.text} for ${o.text} [${no}].`,
    `${says(w.source)}: “${w.source.text}” [${nw}]`,
    `${says(o.source)}: “${o.source.text}” [${no}]`,
  ].join('\n\n');
}
