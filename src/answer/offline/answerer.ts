import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { stem } from '../../retrieval/tokenizer.js';
import { assessCoverage } from '../grounding/coverage.js';
import { toRelated } from '../grounding/related.js';
import { directed, hasExactSpan, shortAnswerFor } from '../grounding/short-answer.js';
import { verifyAnswer } from '../grounding/verify.js';
import { corpusStats, idf, prepareCorpusStats } from '../question/corpus-stats.js';
import { resolveFollowUp } from '../question/followup.js';
import { asksWhoSaid, type QuestionAnalysis, SPEAKER_NOUNS, yearsIn } from '../question/question.js';
import { followUpSpanType } from '../question/span-type.js';
import type { Check, ShortAnswer } from '../schema.js';
import type { AnswerDraft, Answerer, AnswerInput } from '../types.js';
import { abstain } from './abstain-answer.js';
import { checksFor, computedChecks, emit, renumbered, renumberedAll } from './answer-finish.js';
import { composeFromTables, finishTable } from './answer-tables.js';
import { CitationList, throughSentence } from './citations.js';
import { compareAlternatives, composeComparison } from './compare-alternatives.js';
import { composeNumeric, composeQuotes, selectQuotes } from './compose.js';
import { withContactPassages } from './contact-passages.js';
import { decideAbstention } from './decide.js';
import { preferDefinition } from './definition-lead.js';
import { collectSentences, type EvidenceSentence, namedSpeakers, type ScoredSentence } from './evidence.js';
import { statedChange } from './growth-figure.js';
import { answerDerived, answerPriorYear, answerYearsTotal } from './implicit-calculations.js';
import { answerNumeric } from './numeric.js';
import { periodLead } from './period-figures.js';
import { afterPosedQuestion } from './posed-question.js';
import { scoreSentences } from './sentence-scoring.js';
import { rerankBySpan } from './span-rerank.js';
import { sumOfParts } from './sum-of-parts.js';
import { hasTables, tableAnswer } from './table-route.js';
import { preferTurnWords } from './turn-focus.js';
import { yearsBetween } from './years-between.js';

/**
 * Passages retrieved for sentence selection, whatever `k` the caller shows. On the SQuAD sample 5, 8 and 12
 * put a gold answer in 74.4%, 75.8% and 76.2% of answers (p50 11.1, 12.7 and 14.1 ms in-process); the suites
 * did not change.
 */
const CANDIDATE_PASSAGES = 12;
/** An earlier value is only inferred from a sentence about the question's subject (this share of its terms). */
const INFERRED_COVERAGE = 0.5;
/** Operands must come from a sentence scoring at least this share of the best sentence. */
const NUMERIC_RELEVANCE = 0.75;
/**
 * A difference is not computed when the best sentence, carrying at least this share of the question's terms, states
 * the change itself ("expenses decreased $2.2 million from 2018 to 2019"): the stated figure answers. 0.3 and 0.6 gave
 * the same TAT-QA figures; the stricter is kept.
 */
const STATED_CHANGE_COVERAGE = 0.6;
const DETAIL_RE = /\b(?:deeper|more detail|in detail|elaborate|expand on|tell me more|more about|explain|unpack)\b/i;
/** The question asks what several of a transcript's speakers say ("which speakers", "the panelists' views"). */
const SPREAD_RE = new RegExp(
  String.raw`\b(?:the|which|what|all|both|other|several) (?:${SPEAKER_NOUNS})\b|\b(?:${SPEAKER_NOUNS}) (?:say|give|think|mention|agree)\b`,
  'i',
);

function instructionNotice(instructions: readonly string[]): string | undefined {
  if (!instructions.length) return undefined;
  const shown = instructions.map((i) => `“${i.length > 80 ? `${i.slice(0, 77)}...` : i}”`).join(', ');
  return `The question contained instructions (${shown}); they were treated as text and not followed.`;
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
 * Whether the quoted sentence's speaker answers a "who" question ("That was Ana Ruiz"): when it asks who said
 * something, or when the sentence names no one ("Who is the CFO?" is answered by the name the sentence gives).
 */
function bylineAnswers(question: string, turn: string, first: EvidenceSentence | undefined): boolean {
  if (!first?.chunk.speaker) return false;
  return asksWhoSaid(turn) || asksWhoSaid(question) || !hasExactSpan(first.text, question, 'person');
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
    await prepareCorpusStats(snapshot);
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
    const sentences = collectSentences(snapshot, withContactPassages(snapshot, q.factual, hits));
    const speakers = namedSpeakers(snapshot, q.factual);
    const stats = corpusStats(snapshot);
    const weigh = (w: string) => idf(stats, stem(w));
    const byScore = scoreSentences(snapshot, sentences, {
      text: q.factual,
      answerType: q.answerType,
      years: q.years,
      numbers: q.answerType === 'person' && resolved.isFollowUp ? resolved.carriedNumbers : q.numbers,
      speakers,
      calculation: q.op !== null,
      ...(resolved.context ? { context: resolved.context } : {}),
      ...(resolved.isFollowUp ? { turn: resolved.turn } : {}),
    });
    const turnFirst = (list: readonly ScoredSentence[]) =>
      resolved.isFollowUp && !asksWhoSaid(resolved.turn)
        ? preferTurnWords(list, resolved.turn, resolved.context ?? '', (t) => idf(stats, t))
        : list;
    const scored = turnFirst(byScore);
    const tabled = tableAnswer(snapshot, q, hits, scored[0]?.sentence);
    const tablesMissed = !tabled && hasTables(snapshot, hits);
    const fromTables = composeFromTables(snapshot, q, hits, tabled, scored);
    if (fromTables) return finishTable(input, fromTables, retrieveMs, notice);
    const inferred = q !== resolved.analysis;
    const compared = await compareAlternatives(snapshot, q.factual);
    const best = scored[0];
    const said =
      q.op === 'difference' && best && best.coverage >= STATED_CHANGE_COVERAGE
        ? statedChange(best.sentence.figures, best.sentence.text, best.sentence.start)
        : null;
    const found =
      compared || said
        ? null
        : ((await sumOfParts(snapshot, q.factual)) ??
          (await yearsBetween(snapshot, q.factual)) ??
          answerYearsTotal(q, scored) ??
          answerDerived(q, scored) ??
          answerNumeric(q, scored, NUMERIC_RELEVANCE) ??
          answerPriorYear(q, scored));
    const numeric =
      inferred && found && !found.sources.some((s) => coverageOf(scored, s) >= INFERRED_COVERAGE) ? null : found;
    const spanType = followUpSpanType(resolved.turn, q.factual);
    const quoted =
      numeric || compared
        ? scored
        : afterPosedQuestion(turnFirst(rerankBySpan(scored, q.factual, spanType, weigh)), q.factual, sentences);
    const decision = decideAbstention(snapshot, {
      question: q,
      coverage,
      scored: quoted,
      inferredBase: inferred,
      computed: numeric !== null,
      ...(numeric ? { computedCurrencies: numeric.operands.map((o) => o.currency) } : {}),
      compared: compared !== null,
      followUp: resolved.isFollowUp,
      yearsCarried: resolved.isFollowUp && q.years.length > 0 && yearsIn(resolved.turn).length === 0,
      tablesMissed,
    });
    if (decision.abstain) return abstain(input, decision.abstain, related, retrieveMs, notice);
    const promoted = decision.lead;

    const cites = new CitationList();
    const docText = (docId: string) => snapshot.docById.get(docId)?.text ?? '';
    let answer: string;
    let short: ShortAnswer | undefined;
    let spans: ShortAnswer[] = [];
    const checks: Check[] = [];
    if (numeric) {
      answer = composeNumeric(numeric, cites, docText);
      checks.push(...computedChecks(numeric));
    } else if (compared) {
      answer = composeComparison(compared, cites, docText);
    } else {
      const opts = { speakers, spread: SPREAD_RE.test(q.factual), detail: DETAIL_RE.test(q.factual) };
      const ranked = afterPosedQuestion(
        preferDefinition(promoted ? [promoted, ...scored.filter((s) => s !== promoted)] : quoted, q.factual),
        q.factual,
        sentences,
      );
      const groups = selectQuotes(
        said && best ? [best, ...ranked.filter((x) => x !== best)] : ranked,
        q.answerType,
        sentences,
        opts,
      );
      const byline = q.answerType === 'person' && bylineAnswers(q.factual, resolved.turn, groups[0]?.sentences[0]);
      const spokenBy = groups[0]?.sentences[0]?.chunk.speaker;
      const composeAs = q.answerType === 'person' && spokenBy && !byline ? 'general' : q.answerType;
      const spoken = (docId: string) => snapshot.chunksByDoc.get(docId)?.some((c) => c.speaker !== null) ?? false;
      answer = composeQuotes(groups, composeAs, cites, docText, spoken);
      const cited = cites.all()[0];
      const period = q.op ? null : periodLead(q.factual, groups[0]?.sentences[0], cited);
      if (period) {
        spans = period.spans;
        short = spans[0];
        answer = `${period.text}\n\n${answer}`;
      } else if (said && cited && cited.start <= said.figure.start && said.figure.end <= cited.end) {
        const f = directed(q.factual, docText(cited.docId), said.figure);
        short = { text: f.text, citation: cited.n, start: f.start, end: f.end };
        answer = `${f.text} [${cited.n}].\n\n${answer}`;
      } else {
        const continued = q.answerType === 'reason' || q.answerType === 'list';
        const from = cited && continued ? throughSentence(cited, groups[0]?.sentences[0]) : cited;
        short = shortAnswerFor(q.factual, from, spanType, weigh, byline);
        if (short) answer = `${short.text} [${short.citation}].\n\n${answer}`;
      }
    }
    const calcResults = numeric ? [numeric.result, ...(numeric.also ? [numeric.also.result] : [])] : [];
    const verified = verifyAnswer({ answer, citations: cites.all(), calcResults, docs: snapshot.docById });
    // A quote's own claim check that repeats the computed result ("fell by 1.8% to £415 million" for the implied base).
    const repeats = (c: Check) =>
      c.status === 'computed' && checks.some((k) => k.op === c.op && k.value !== null && k.value === c.value);
    checks.push(
      ...checksFor(verified.citations, sentences).filter((c) => !repeats(c)),
      ...verified.checks.filter((c) => c.status === 'unverified'),
    );
    for (const c of checks) events?.onCheck?.(c);
    const lead = renumbered(short, verified.citations);
    const kept = spans.length > 1 ? renumberedAll(spans, verified.citations) : [];
    return emit(input, {
      answer: verified.answer,
      citations: verified.citations,
      checks,
      claims: verified.claims,
      abstained: false,
      ...(lead ? { short: lead } : {}),
      ...(kept.length ? { spans: kept } : {}),
      retrieveMs,
      ...(notice ? { notice } : {}),
    });
  }
}

/** Convenience for callers holding a snapshot. */
export function answerOffline(snapshot: KnowledgeSnapshot, question: string, k = 5): Promise<AnswerDraft> {
  return new OfflineAnswerer().answer({ question, history: [], k, snapshot });
}
