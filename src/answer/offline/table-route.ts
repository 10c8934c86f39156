import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { SearchHit } from '../../retrieval/retriever.js';
import { readTables } from '../../tables/read-tables.js';
import { corpusStats, idf } from '../question/corpus-stats.js';
import { asksDefinition } from '../question/definition.js';
import type { QuestionAnalysis } from '../question/question.js';
import { detectSpanType } from '../question/span-type.js';
import type { EvidenceSentence } from './evidence.js';
import { undatedUnder } from './evidence-gaps.js';
import { type FootnoteAnswer, footnoteAnswer } from './footnote-answer.js';
import { asksPair } from './paired-series.js';
import { type RoleRow, roleRow } from './role-row.js';
import { answerFromTables } from './table-answer.js';
import { type TableTerms, tableShare, tableTermsOf } from './table-match.js';
import type { TableAnswer } from './table-operands.js';
import { asksExtremePeriod, asksPeriods } from './table-periods.js';
import { asksExtremeRow, asksRows } from './table-ranking.js';

/* Which questions the offline answerer sends to the tables of the passages it retrieved. */

/** Documents, from the best retrieved passages down, whose tables are searched for the question's series. */
const TABLE_DOCS = 3;
/**
 * A question is looked up in a table (with no calculation asked) only when the terms the tables use carry at
 * least this share of its weight; otherwise it is about the text around them.
 */
const TABLE_LOOKUP_SHARE = 0.5;

/**
 * "Which branch library is closing?": a question for a named thing, which a figure cell does not answer ("which year",
 * "which segment had the most" are period and row questions, asked above).
 */
const NAMED_THING_RE = /^\W*which\b(?!\s+(?:of the )?(?:years?|periods?|quarters?|months?)\b)/iu;

/** The documents of the best passages whose tables are searched. */
function tableDocs(snapshot: KnowledgeSnapshot, hits: readonly SearchHit[]) {
  return [...new Set(hits.map((h) => h.chunk.docId))].slice(0, TABLE_DOCS).flatMap((id) => {
    const doc = snapshot.docById.get(id);
    return doc ? [doc] : [];
  });
}

/** Whether any of the best passages' documents has a table. */
export function hasTables(snapshot: KnowledgeSnapshot, hits: readonly SearchHit[]): boolean {
  return tableDocs(snapshot, hits).some((d) => readTables(d).length > 0);
}

/** Asks what something is, includes, consists of or why, which the text (or a row's footnote) answers, not a cell. */
function isDescriptive(q: QuestionAnalysis): boolean {
  const spanType = detectSpanType(q.factual);
  return q.answerType === 'reason' || spanType === 'reason' || spanType === 'clause' || asksDefinition(q.factual);
}

/** For a descriptive question about a table row that carries a footnote marker, the footnote that answers it, or null. */
export function tableNote(
  snapshot: KnowledgeSnapshot,
  q: QuestionAnalysis,
  hits: readonly SearchHit[],
): FootnoteAnswer | null {
  if (!isDescriptive(q)) return null;
  const tables = tableDocs(snapshot, hits).flatMap((d) => readTables(d));
  if (!tables.length) return null;
  const stats = corpusStats(snapshot);
  return footnoteAnswer(
    q.factual,
    tables,
    (t) => idf(stats, t),
    (id) => snapshot.docById.get(id)?.text ?? '',
  );
}

/** For a "who" question, the row of the best passages' tables whose text cell names the role it asks about, or null. */
export function tableRole(
  snapshot: KnowledgeSnapshot,
  q: QuestionAnalysis,
  hits: readonly SearchHit[],
): RoleRow | null {
  if (q.answerType !== 'person') return null;
  const tables = tableDocs(snapshot, hits).flatMap((d) => readTables(d));
  return tables.length ? roleRow(q.factual, tables) : null;
}

/**
 * A lookup the text answers instead of a table: the best sentence gives a figure, speaks of the question's years, and
 * has every term of the question, some of which no table uses ("The council tax for a Band D property will rise … to
 * £312.48" for "the Band D council tax in 2025–26", where the table has only a "Council tax" row).
 */
function textAnswers(q: QuestionAnalysis, terms: TableTerms, best?: EvidenceSentence): boolean {
  if (!best?.figures.length || !q.years.every((y) => best.years.includes(y) || undatedUnder(best, y))) return false;
  return terms.beside.length > 0 && terms.asked.every((t) => best.termSet.has(t));
}

/**
 * The table answer for the question from the tables of the best passages' documents, or null; null too for a plain
 * lookup the best sentence (`best`) answers with words the tables lack.
 */
export function tableAnswer(
  snapshot: KnowledgeSnapshot,
  q: QuestionAnalysis,
  hits: readonly SearchHit[],
  best?: EvidenceSentence,
): TableAnswer | null {
  const periodList = q.years.length >= 2;
  const listed = asksRows(q.factual) || periodList || asksPair(q.factual);
  if (isDescriptive(q) || q.answerType === 'person' || (q.answerType === 'list' && !listed)) return null;
  const tables = tableDocs(snapshot, hits).flatMap((d) => readTables(d));
  if (!tables.length) return null;
  const stats = corpusStats(snapshot);
  const weigh = (t: string) => idf(stats, t);
  const tabular =
    q.op ||
    asksExtremePeriod(q.factual) ||
    asksPeriods(q.factual) ||
    asksExtremeRow(q.factual, tables) ||
    asksRows(q.factual) ||
    asksPair(q.factual);
  if (!tabular) {
    if (NAMED_THING_RE.test(q.factual)) return null;
    const terms = tableTermsOf(q.factual, tables);
    if (tableShare(terms) < TABLE_LOOKUP_SHARE || textAnswers(q, terms, best)) return null;
  }
  return answerFromTables(q, tables, weigh, (id) => snapshot.docById.get(id)?.text ?? '');
}
