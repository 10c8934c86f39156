import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { SearchHit } from '../../retrieval/retriever.js';
import { verifyAnswer } from '../grounding/verify.js';
import type { QuestionAnalysis } from '../question/question.js';
import type { Check } from '../schema.js';
import type { AnswerDraft, AnswerInput } from '../types.js';
import { emit, renumberedAll } from './answer-finish.js';
import { CitationList } from './citations.js';
import { type ComposedTable, composeNote, composeRole, composeTable } from './compose-table.js';
import type { ScoredSentence } from './evidence.js';
import type { TableAnswer } from './table-operands.js';
import { tableNote, tableRole } from './table-route.js';

/** An answer composed from tables, with its citations: `table` is the table answer, null for a row's footnote or role. */
export interface TableDraft {
  table: TableAnswer | null;
  composed: ComposedTable;
  cites: CitationList;
}

/**
 * The answer the retrieved tables give: `tabled` composed when it composes, else (when there is no table answer) a
 * row's footnote or the row a role names; null when none of them composes.
 */
export function composeFromTables(
  snapshot: KnowledgeSnapshot,
  q: QuestionAnalysis,
  hits: readonly SearchHit[],
  tabled: TableAnswer | null,
  scored: readonly ScoredSentence[],
): TableDraft | null {
  if (tabled) {
    const cites = new CitationList();
    const composed = composeTable(snapshot, tabled, cites, scored);
    if (composed) return { table: tabled, composed, cites };
  }
  const note = tabled ? null : tableNote(snapshot, q, hits);
  const role = tabled || note ? null : tableRole(snapshot, q, hits);
  if (note || role) {
    const cites = new CitationList();
    const composed = note ? composeNote(snapshot, note, cites) : composeRole(snapshot, role!, cites);
    if (composed) return { table: null, composed, cites };
  }
  return null;
}

/** Finishes an answer composed from tables (nothing is computed for a row's footnote or role). */
export function finishTable(
  input: AnswerInput,
  drafted: TableDraft,
  retrieveMs: number,
  notice: string | undefined,
): AnswerDraft {
  const { table: t, composed, cites } = drafted;
  const r = t?.result;
  const checks: Check[] =
    t && r
      ? [
          {
            op: r.op,
            args: r.args,
            value: r.value,
            display: r.display,
            formula: r.formula,
            claim: t.statement,
            status: 'computed',
            citation: 1,
            cells: composed.cells,
          },
        ]
      : [];
  const verified = verifyAnswer({
    answer: composed.answer,
    citations: cites.all(),
    calcResults: r ? [r] : [],
    docs: input.snapshot.docById,
  });
  checks.push(...verified.checks.filter((c) => c.status === 'unverified'));
  for (const c of checks) input.events?.onCheck?.(c);
  const kept = renumberedAll(composed.spans, verified.citations);
  const answer = {
    answer: verified.answer,
    citations: verified.citations,
    checks,
    claims: verified.claims,
    abstained: false,
  };
  const lead = kept.length ? { short: kept[0]!, ...(kept.length > 1 ? { spans: kept } : {}) } : {};
  return emit(input, { ...answer, ...lead, retrieveMs, ...(notice ? { notice } : {}) });
}
