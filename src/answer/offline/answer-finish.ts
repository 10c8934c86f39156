import { type CalcResult, checkClaims } from '../../numbers/index.js';
import type { Check, Citation, ShortAnswer } from '../schema.js';
import type { AnswerDraft, AnswerInput } from '../types.js';
import type { EvidenceSentence } from './evidence.js';
import type { NumericAnswer } from './numeric-result.js';

/** The checks of the figures the cited sentences state, each with the citation it lies in. */
export function checksFor(citations: readonly Citation[], sentences: readonly EvidenceSentence[]): Check[] {
  const checks: Check[] = [];
  for (const c of citations) {
    for (const s of sentences.filter((x) => x.chunk.id === c.chunkId && x.start >= c.start && x.end <= c.end)) {
      for (const r of checkClaims(s.text, s.start)) {
        if (r.status === 'unchecked' || !r.op) continue;
        checks.push({
          op: r.op,
          args: r.args ?? {},
          value: r.value,
          display: r.display,
          formula: r.formula,
          claim: r.claim.text,
          status: r.status,
          citation: c.n,
        });
      }
    }
  }
  return checks;
}

/** The short answer again after verification renumbered the citations. */
export function renumbered(short: ShortAnswer | undefined, citations: readonly Citation[]): ShortAnswer | undefined {
  const c = short && citations.find((x) => x.start <= short.start && short.end <= x.end);
  return short && c ? { ...short, citation: c.n } : undefined;
}

/** Several short answers again after verification, or none unless every one still lies in a citation. */
export function renumberedAll(spans: readonly ShortAnswer[], citations: readonly Citation[]): ShortAnswer[] {
  const each = spans.map((x) => renumbered(x, citations));
  return each.every((x) => x) ? (each as ShortAnswer[]) : [];
}

/** Streams a finished draft's answer to the caller's token listener, word by word, and returns the draft. */
export function emit(input: AnswerInput, draft: AnswerDraft): AnswerDraft {
  const onToken = input.events?.onToken;
  if (onToken) for (const piece of draft.answer.match(/\S+\s*|\s+/g) ?? []) onToken(piece);
  return draft;
}

/**
 * The checks of a computed answer: its result, claimed by its statement (up to the words of a second result), and the
 * change in the figures' own unit when it gives one too, claimed by those words, so each is shown where it is said.
 */
export function computedChecks(numeric: NumericAnswer): Check[] {
  const { result, statement, also } = numeric;
  const main = also ? statement.slice(0, statement.length - also.words.length).replace(/,\s*$/u, '') : statement;
  const check = ({ op, args, value, display, formula }: CalcResult, claim: string): Check => ({
    op,
    args,
    value,
    display,
    formula,
    claim,
    status: 'computed',
    citation: 1,
  });
  return [check(result, main), ...(also ? [check(also.result, also.words)] : [])];
}
