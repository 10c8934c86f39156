import { tagText } from '../../language/tagger.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { stem, tokenize } from '../../retrieval/tokenizer.js';
import type { SourceDocument } from '../../types.js';
import { RUNNER_UP_SHARE, TOP_SENTENCES } from './decide-limits.js';
import type { ScoredSentence } from './evidence.js';

/** A capitalised word, not an initialism ("ANB"), which a document may write out in full. */
const NAME_RE = /^\p{Lu}[\p{Ll}'’-]/u;
/** A possessive ending ("Halcyra's", "Logistics'"). */
const POSSESSIVE_RE = /['’]s?$/u;

const lowered = new WeakMap<SourceDocument, string>();
const lowerText = (doc: SourceDocument) => {
  const known = lowered.get(doc);
  if (known !== undefined) return known;
  const text = `${doc.title}\n${doc.text}`.toLowerCase();
  lowered.set(doc, text);
  return text;
};

/** The names a question writes: its capitalised words after the first, other than stop words, without "'s". */
export function questionNames(question: string): string[] {
  return tagText(question)
    .tokens.filter((t, i) => i > 0 && !t.stop && NAME_RE.test(t.text))
    .map((t) => t.text.replace(POSSESSIVE_RE, ''));
}

const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
/** Stems of each document's title words. */
const titleWords = new WeakMap<SourceDocument, ReadonlySet<string>>();
const wordsOfTitle = (doc: SourceDocument) => {
  const known = titleWords.get(doc);
  if (known) return known;
  const words = new Set((doc.title.toLowerCase().match(WORD_RE) ?? []).map(stem));
  titleWords.set(doc, words);
  return words;
};

/** Whether a document writes a name anywhere, in its title or text (case aside). */
export const writesName = (doc: SourceDocument, name: string) => lowerText(doc).includes(name.toLowerCase());

/**
 * The names of a question (see {@link questionNames}) that a document never writes, in its title or text, while
 * another document's title has them (by stem): the question is about that document's subject, not this one's
 * ("Who became chief executive of Halcyra?" against a water authority's report, when another document is Halcyra's
 * earnings call).
 */
export function namesOfOtherDocuments(question: string, doc: SourceDocument, docs: Iterable<SourceDocument>): string[] {
  const missing = questionNames(question).filter((n) => !writesName(doc, n));
  if (!missing.length) return [];
  const titled = new Set<string>();
  for (const other of docs)
    if (other !== doc) for (const n of missing) if (wordsOfTitle(other).has(stem(n.toLowerCase()))) titled.add(n);
  return missing.filter((n) => titled.has(n));
}

/**
 * When the best sentence's document never writes a name of the question that another document's title has (see
 * {@link namesOfOtherDocuments}), the first of the top {@link TOP_SENTENCES} sentences to lead instead: from a
 * document that writes them all, scoring at least {@link RUNNER_UP_SHARE} of the best, and sharing a term of the
 * question besides the names (one that has only the names is no evidence of what is asked about them). With none, the
 * reason to abstain; undefined when the best sentence's document has the names.
 */
export function namedDocumentLead(
  snapshot: KnowledgeSnapshot,
  question: string,
  best: ScoredSentence,
  scored: readonly ScoredSentence[],
): ScoredSentence | string | undefined {
  const doc = snapshot.docById.get(best.sentence.chunk.docId);
  if (!doc) return undefined;
  const names = namesOfOtherDocuments(question, doc, snapshot.docById.values());
  if (!names.length) return undefined;
  const nameTerms = new Set(names.flatMap((n) => tokenize(n)));
  const asked = tokenize(question).filter((t) => !nameTerms.has(t));
  const leads = (s: ScoredSentence) => {
    const d = snapshot.docById.get(s.sentence.chunk.docId);
    return (
      d !== undefined &&
      s.score >= RUNNER_UP_SHARE * best.score &&
      names.every((n) => writesName(d, n)) &&
      asked.some((t) => s.sentence.termSet.has(t))
    );
  };
  return (
    scored.slice(0, TOP_SENTENCES).find(leads) ??
    `the closest passage, in “${doc.title}”, does not mention ${names.join(' or ')}`
  );
}
