import { extractClaims, type NumericClaim } from '../../numbers/index.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { tokenize } from '../../retrieval/tokenizer.js';
import { type CorpusStats, corpusStats, idf } from '../question/corpus-stats.js';
import { sharesStem } from '../question/vocabulary.js';
import { collectSentences, type ScoredSentence } from './evidence.js';
import { finish, type NumericAnswer, run } from './numeric-result.js';
import { scoreSentences } from './sentence-scoring.js';

/** "How many years after A did B …", "how long after A was B …": B's year minus A's. */
const AFTER_RE =
  /^\s*how (?:many years|long)\s+(?<dir>after|before)\s+(?<a>[^?]+?)\s+(?:did|was|were|had|has|have|is|are|do|does|will|would)\s+(?<b>[^?]+?)\s*\??\s*$/iu;
/** "How many years passed between A and B?", "How long was it between A and B?": the later year minus the earlier. */
const BETWEEN_RE =
  /^\s*how (?:many years|long)\s+(?:(?:passed|elapsed|went by|was it|were there|is it)\s+)?between\s+(?<a>[^?]+?)\s+and\s+(?<b>[^?]+?)\s*\??\s*$/iu;

/** Passages retrieved for each event. */
const PASSAGES = 8;
/** Best sentences of each event searched for its year. */
const SENTENCES = 3;

/** The two events a question asks the years between, and how: B after A, B before A, or either way. */
export function eventsApart(question: string): { a: string; b: string; dir: 'after' | 'before' | 'between' } | null {
  const after = AFTER_RE.exec(question)?.groups;
  if (after?.a && after.b) return { a: after.a, b: after.b, dir: after.dir!.toLowerCase() as 'after' | 'before' };
  const between = BETWEEN_RE.exec(question)?.groups;
  return between?.a && between.b ? { a: between.a, b: between.b, dir: 'between' } : null;
}

/** An event's words, each the documents never write replaced by one they write of the same stem ("electrification" -> "electrified"). */
function inCorpusForms(stats: CorpusStats, event: string): string {
  return event.replace(/[\p{L}-]+/gu, (word) => {
    const lower = word.toLowerCase();
    if (stats.words.has(lower)) return word;
    for (const w of stats.words) if (sharesStem(w, lower)) return w;
    return word;
  });
}

/** A calendar year an event's sentence gives, with the sentence. */
interface EventYear {
  year: NumericClaim;
  source: ScoredSentence;
}

/**
 * The year of an event: in the best of its sentences that has a year and a term of the event the other event lacks,
 * the year nearest that term. The event's words are read in the forms the documents write them.
 */
async function yearOf(snapshot: KnowledgeSnapshot, event: string, other: string): Promise<EventYear | null> {
  const stats = corpusStats(snapshot);
  const text = inCorpusForms(stats, event);
  const theirs = new Set(tokenize(inCorpusForms(stats, other)));
  const own = [...new Set(tokenize(text))]
    .filter((t) => !theirs.has(t) && stats.df.has(t))
    .sort((x, y) => idf(stats, y) - idf(stats, x));
  if (!own.length) return null;
  const hits = await snapshot.retriever.search(text, { k: PASSAGES });
  const scored = scoreSentences(snapshot, collectSentences(snapshot, hits), {
    text,
    answerType: 'general',
    years: [],
    numbers: [],
    speakers: [],
  });
  for (const s of scored.slice(0, SENTENCES)) {
    const { sentence } = s;
    const term = own.find((t) => sentence.termSet.has(t));
    const years = extractClaims(sentence.text, sentence.start).filter((c) => c.unit === 'year');
    if (!term || !years.length) continue;
    const at = sentence.start + Math.max(0, sentence.text.toLowerCase().indexOf(term));
    return { year: years.reduce((x, y) => (Math.abs(y.start - at) < Math.abs(x.start - at) ? y : x)), source: s };
  }
  return null;
}

/**
 * "How many years after the last tram ran did the new line open?": the year the documents give for each event, from
 * its best sentences carrying a word of its own, and the years between them by the calculator (the later minus the
 * earlier for "between"). Null for other questions, when an event has no year, or when both get the same one.
 */
export async function yearsBetween(snapshot: KnowledgeSnapshot, question: string): Promise<NumericAnswer | null> {
  const events = eventsApart(question);
  if (!events) return null;
  const [a, b] = await Promise.all([yearOf(snapshot, events.a, events.b), yearOf(snapshot, events.b, events.a)]);
  if (!a || !b || a.year.value === b.year.value) return null;
  const [from, to] =
    events.dir === 'before' || (events.dir === 'between' && b.year.value < a.year.value) ? [b, a] : [a, b];
  const result = run('difference', { a: to.year.value, b: from.year.value });
  if (!result || result.value <= 0) return null;
  const operands = [from, to].map((e) => ({ ...e.year, source: e.source.sentence, rank: 0 }));
  const [first, second] = from === a ? [events.a, events.b] : [events.b, events.a];
  return finish(
    result,
    operands,
    `From ${from.year.text} (${first}) to ${to.year.text} (${second}) is ${result.display} years`,
  );
}
