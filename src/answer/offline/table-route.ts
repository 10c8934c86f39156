import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { SearchHit } from '../../retrieval/retriever.js';
import { readTables } from '../../tables/read-tables.js';
import { corpusStats, idf } from '../question/corpus-stats.js';
import { asksDefinition } from '../question/definition.js';
import type { QuestionAnalysis } from '../question/question.js';
import { detectSpanType } from '../question/span-type.js';
import { answerFromTables } from './table-answer.js';
import { tableShare } from './table-match.js';
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

/** The table answer for the question from the tables of the best passages' documents, or null. */
export function tableAnswer(
  snapshot: KnowledgeSnapshot,
  q: QuestionAnalysis,
  hits: readonly SearchHit[],
): TableAnswer | null {
  const spanType = detectSpanType(q.factual);
  const descriptive =
    q.answerType === 'reason' || spanType === 'reason' || spanType === 'clause' || asksDefinition(q.factual);
  const periodList = q.years.length >= 2;
  if (descriptive || q.answerType === 'person' || (q.answerType === 'list' && !asksRows(q.factual) && !periodList))
    return null;
  const tables = tableDocs(snapshot, hits).flatMap((d) => readTables(d));
  if (!tables.length) return null;
  const stats = corpusStats(snapshot);
  const weigh = (t: string) => idf(stats, t);
  if (
    !q.op &&
    !asksExtremePeriod(q.factual) &&
    !asksPeriods(q.factual) &&
    !asksExtremeRow(q.factual) &&
    !asksRows(q.factual) &&
    tableShare(q.factual, tables) < TABLE_LOOKUP_SHARE
  )
    return null;
  return answerFromTables(q, tables, weigh, (id) => snapshot.docById.get(id)?.text ?? '');
}
