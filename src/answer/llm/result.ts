import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { type AnswerSentence, answerSentences, markerNumbers, withoutMarkers } from '../grounding/markers.js';
import { narrowQuote, type QuoteSpan, supportOf } from '../grounding/quotes.js';
import type { Citation } from '../schema.js';
import type { NumberedPassage, PassageRegistry } from './passage-registry.js';

/** Phrase the model is told to begin with when the documents do not answer the question. */
export const ABSTAIN_PHRASE = 'The documents do not cover';

const ABSTAINS = /^[\s*_#>"“]*the documents (?:do not|don['’]t) cover\b/i;

/** True when the answer begins with {@link ABSTAIN_PHRASE} (any case, "don't" too). */
export function isAbstention(answer: string): boolean {
  return ABSTAINS.test(answer);
}

/** An answer whose markers all have a candidate citation (keyed by marker number). */
export interface GroundedAnswer {
  answer: string;
  citations: Citation[];
}

/** How much better a statement's own quote must support it than the shared quote to get a citation of its own. */
const SPLIT_GAIN = 2;

function citation(n: number, entry: NumberedPassage, span: QuoteSpan): Citation {
  const { id: chunkId, docId, title, section, speaker } = entry.hit.chunk;
  return {
    n,
    chunkId,
    docId,
    title,
    section,
    speaker,
    quote: span.quote,
    start: span.start,
    end: span.end,
    score: entry.hit.score,
  };
}

function rewrite(answer: string, sentences: AnswerSentence[], renames: Map<number, Map<number, number>>): string {
  const edits = sentences.flatMap((s, i) => s.markers.map((m) => ({ m, map: renames.get(i) })));
  return edits.reduceRight((text, { m, map }) => {
    if (!map) return text;
    const inner = markerNumbers(m.inner)
      .map((x) => `[${map.get(x) ?? x}]`)
      .join('');
    return text.slice(0, m.index) + m.space + inner + text.slice(m.end);
  }, answer);
}

interface Citing {
  /** Index of the citing sentence. */
  i: number;
  statement: string;
  span: QuoteSpan;
}

/**
 * Citations of passage `n`: one shared quote, or, when some statement is clearly better supported
 * by another part of the passage, one per distinct quote; `moved` lists sentences whose marker
 * must point at a new key.
 */
function citePassage(n: number, entry: NumberedPassage, docText: string, citing: Citing[], newKey: () => number) {
  const joint = narrowQuote(docText, entry.hit.chunk, citing.map((c) => c.statement).join(' '));
  const shared = (c: Citing) => supportOf(c.statement, c.span.quote) - supportOf(c.statement, joint.quote) < SPLIT_GAIN;
  if (citing.every(shared)) return { citations: [citation(n, entry, joint)], moved: [] };
  const keys = new Map<string, number>();
  const citations: Citation[] = [];
  const moved: Array<{ i: number; key: number }> = [];
  for (const { i, span } of citing) {
    const id = `${span.start}:${span.end}`;
    let key = keys.get(id);
    if (key === undefined) {
      key = keys.size === 0 ? n : newKey();
      keys.set(id, key);
      citations.push(citation(key, entry, span));
    }
    if (key !== n) moved.push({ i, key });
  }
  return { citations, moved };
}

/**
 * Candidate citations for an answer's markers, keyed by the model's numbering: each cited passage
 * narrowed to the sentence(s) that best support the statements citing it. A passage whose citing
 * statements need different parts of it is cited once per distinct quote, and the later
 * statements' markers are renumbered to the extra citations.
 */
export function groundAnswer(answer: string, registry: PassageRegistry, snapshot: KnowledgeSnapshot): GroundedAnswer {
  const sentences = answerSentences(answer);
  const citations: Citation[] = [];
  const renames = new Map<number, Map<number, number>>();
  let lastKey = registry.all().length;
  for (const n of new Set(sentences.flatMap((s) => s.cites))) {
    const entry = registry.get(n);
    const doc = entry && snapshot.docById.get(entry.hit.chunk.docId);
    if (!entry || !doc) continue;
    const citing = sentences.flatMap((s, i) => {
      if (!s.cites.includes(n)) return [];
      const statement = withoutMarkers(s.text);
      return [{ i, statement, span: narrowQuote(doc.text, entry.hit.chunk, statement) }];
    });
    const cited = citePassage(n, entry, doc.text, citing, () => ++lastKey);
    citations.push(...cited.citations);
    for (const { i, key } of cited.moved) renames.set(i, new Map([...(renames.get(i) ?? []), [n, key]]));
  }
  return { answer: renames.size ? rewrite(answer, sentences, renames) : answer, citations };
}

const WINDOW = 12;
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * True when `answer` repeats a run of {@link WINDOW} consecutive words of `prompt`'s own
 * wording (quoted examples in the prompt are left out, since answers may legitimately match them).
 */
export function echoesPrompt(answer: string, prompt: string): boolean {
  const own = words(prompt.replace(/"[^"\n]*"/g, ' '));
  const windows = new Set<string>();
  for (let i = 0; i + WINDOW <= own.length; i++) windows.add(own.slice(i, i + WINDOW).join(' '));
  const said = words(answer);
  for (let i = 0; i + WINDOW <= said.length; i++) if (windows.has(said.slice(i, i + WINDOW).join(' '))) return true;
  return false;
}
