import type { KnowledgeSnapshot } from '../retrieval/knowledge-base.js';
import { checkClaims } from '../tools/index.js';
import { CitationList } from './citations.js';
import { composeNumeric, composeQuotes, selectQuotes } from './compose.js';
import { assessCoverage } from './coverage.js';
import { collectSentences, namedSpeakers, scoreSentences, type EvidenceSentence, type ScoredSentence } from './evidence.js';
import { corpusStats } from './corpus-stats.js';
import type { QuestionAnalysis } from './question.js';
import { resolveFollowUp } from './followup.js';
import { answerNumeric } from './numeric.js';
import type { Check, Citation } from './schema.js';
import { verifyAnswer } from './verify.js';
import { toRelated } from './passages.js';
import type { AnswerDraft, AnswerInput, Answerer } from './types.js';

/** Passages retrieved for sentence selection, whatever `k` the caller shows. */
const CANDIDATE_PASSAGES = 8;
/** Below this share of the question's weighted terms, no sentence answers it. */
const MIN_COVERAGE = 0.1;
/** An earlier value is only inferred from a sentence about the question's subject (this share of its terms). */
const INFERRED_COVERAGE = 0.5;
/** Wording that can only be answered with a figure ("how many", "what share"), unlike "how does X rate". */
const ASKS_FOR_FIGURE_RE = /\bhow (?:much|many|big|large)\b|\bwhat (?:share|percent(?:age)?|proportion|portion|value|size|scale|amount|level|total)\b|%/i;
/** Sentences examined for a figure that answers a quantity question. */
const FIGURE_CANDIDATES = 3;
/** Operands must come from a sentence scoring at least this share of the best sentence. */
const NUMERIC_RELEVANCE = 0.75;
const DETAIL_RE = /\b(?:deeper|more detail|in detail|elaborate|expand on|tell me more|more about|explain|unpack)\b/i;
const SPREAD_RE = /\b(?:the|which|what|all|both|other|several) (?:experts|speakers|interviewees)\b|\bexperts (?:say|give|think|mention|agree)\b/i;


function instructionNotice(instructions: readonly string[]): string | undefined {
  if (!instructions.length) return undefined;
  const shown = instructions.map((i) => `“${i.length > 80 ? `${i.slice(0, 77)}...` : i}”`).join(', ');
  return `The question contained instructions (${shown}); they were treated as text and not followed.`;
}

function checksFor(citations: readonly Citation[], sentences: readonly EvidenceSentence[]): Check[] {
  const checks: Check[] = [];
  for (const c of citations) {
    for (const s of sentences.filter((x) => x.chunk.id === c.chunkId && x.start >= c.start && x.end <= c.end)) {
      for (const r of checkClaims(s.text, s.start)) {
        if (r.status === 'unchecked' || !r.op) continue;
        checks.push({ op: r.op, args: r.args ?? {}, value: r.value, display: r.display, formula: r.formula, claim: r.claim.text, status: r.status, citation: c.n });
      }
    }
  }
  return checks;
}


function coverageOf(scored: readonly ScoredSentence[], s: EvidenceSentence): number {
  return scored.find((x) => x.sentence === s)?.coverage ?? 0;
}

/** A year just before one the documents give, asked about with no other calculation: the implied earlier value. */
function inferImpliedBase(snapshot: KnowledgeSnapshot, q: QuestionAnalysis): QuestionAnalysis {
  if (q.op) return q;
  const years = corpusStats(snapshot).years;
  return q.years.some((y) => !years.has(y) && years.has(y + 1)) ? { ...q, op: 'implied_base' } : q;
}

/**
 * For a question asking for a figure: none of the best sentences carries a figure together with the
 * question's years, so the documents do not give it (a reason), else undefined.
 */
function missingFigure(q: QuestionAnalysis, scored: readonly ScoredSentence[]): string | undefined {
  const fits = scored
    .slice(0, FIGURE_CANDIDATES)
    .some(({ sentence: s }) => s.figures.length > 0 && q.years.every((y) => s.years.includes(y)));
  if (fits) return undefined;
  const when = q.years.length ? ` for ${q.years.join(' and ')}` : '';
  return `no passage gives that figure${when}`;
}

/**
 * Answers from the documents alone, deterministically: resolves follow-ups, abstains when the
 * documents do not cover the question, computes asked-for figures with the calculator, otherwise
 * quotes the best-scoring sentences with their speakers.
 */
export class OfflineAnswerer implements Answerer {
  readonly mode = 'offline' as const;

  async answer(input: AnswerInput): Promise<AnswerDraft> {
    const { snapshot, events } = input;
    const resolved = resolveFollowUp(input.question, input.history);
    const q = inferImpliedBase(snapshot, resolved.analysis);
    const retrieveStart = performance.now();
    const query = resolved.isFollowUp ? `${q.factual} ${resolved.context ?? ''}` : q.factual;
    const hits = await snapshot.retriever.search(query, { k: Math.max(input.k, CANDIDATE_PASSAGES) });
    const retrieveMs = performance.now() - retrieveStart;
    input.signal?.throwIfAborted();
    const related = hits.slice(0, input.k).map(toRelated);
    events?.onMeta?.(related);
    const notice = instructionNotice(q.instructions);

    const coverage = assessCoverage(snapshot, resolved.isFollowUp ? { ...q, factual: resolved.turn } : q);
    const sentences = collectSentences(snapshot, hits);
    const speakers = namedSpeakers(snapshot, q.factual);
    const scored = scoreSentences(snapshot, sentences, {
      text: q.factual,
      answerType: q.answerType,
      years: q.years,
      numbers: q.answerType === 'person' && resolved.isFollowUp ? resolved.carriedNumbers : q.numbers,
      speakers,
      calculation: q.op !== null,
      ...(resolved.context ? { context: resolved.context } : {}),
    });
    const figureGap = q.answerType === 'quantity' && !q.op && ASKS_FOR_FIGURE_RE.test(q.factual) ? missingFigure(q, scored) : undefined;
    if (!coverage.covered || figureGap || !scored[0] || scored[0].coverage < MIN_COVERAGE) {
      const why = coverage.reason ?? figureGap ?? 'no passage answers this question';
      return this.emit(input, { answer: `The documents do not cover this: ${why}. The closest passages are listed as related reading.`, citations: [], checks: [], claims: [], abstained: true, related, retrieveMs, ...(notice ? { notice } : {}) });
    }

    const cites = new CitationList();
    const docText = (docId: string) => snapshot.docById.get(docId)?.text ?? '';
    const inferred = q !== resolved.analysis;
    const found = answerNumeric(q, scored, NUMERIC_RELEVANCE);
    const numeric = inferred && found && !found.sources.some((s) => coverageOf(scored, s) >= INFERRED_COVERAGE) ? null : found;
    if (!numeric && inferred) {
      const missing = q.years.filter((y) => !corpusStats(snapshot).years.has(y)).join(', ');
      return this.emit(input, { answer: `The documents do not cover this: they give no figure for ${missing}, and none to derive it from. The closest passages are listed as related reading.`, citations: [], checks: [], claims: [], abstained: true, related, retrieveMs, ...(notice ? { notice } : {}) });
    }
    let answer: string;
    const checks: Check[] = [];
    if (numeric) {
      answer = composeNumeric(numeric, cites, docText);
      const r = numeric.result;
      checks.push({ op: r.op, args: r.args, value: r.value, display: r.display, formula: r.formula, claim: numeric.statement, status: 'computed', citation: 1 });
    } else {
      const opts = { speakers, spread: SPREAD_RE.test(q.factual), detail: DETAIL_RE.test(q.factual) };
      answer = composeQuotes(selectQuotes(scored, q.answerType, sentences, opts), q.answerType, cites, docText);
    }
    const calcResults = numeric ? [numeric.result] : [];
    const verified = verifyAnswer({ answer, citations: cites.all(), calcResults, docs: snapshot.docById });
    checks.push(...checksFor(verified.citations, sentences), ...verified.checks.filter((c) => c.status === 'unverified'));
    for (const c of checks) events?.onCheck?.(c);
    return this.emit(input, { answer: verified.answer, citations: verified.citations, checks, claims: verified.claims, abstained: false, retrieveMs, ...(notice ? { notice } : {}) });
  }

  private emit(input: AnswerInput, draft: AnswerDraft): AnswerDraft {
    const onToken = input.events?.onToken;
    if (onToken) for (const piece of draft.answer.match(/\S+\s*|\s+/g) ?? []) onToken(piece);
    return draft;
  }
}

/** Convenience for callers holding a snapshot. */
export function answerOffline(snapshot: KnowledgeSnapshot, question: string, k = 5): Promise<AnswerDraft> {
  return new OfflineAnswerer().answer({ question, history: [], k, snapshot });
}
