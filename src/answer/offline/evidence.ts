import { splitSentences } from '../../ingest/sentences.js';
import { tagText } from '../../language/tagger.js';
import { extractClaims, isCheckable, type NumericClaim } from '../../numbers/index.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { SearchHit } from '../../retrieval/retriever.js';
import { tokenize } from '../../retrieval/tokenizer.js';
import type { Chunk } from '../../types.js';
import { corpusStats } from '../question/corpus-stats.js';
import { yearsIn } from '../question/question.js';

/** A sentence of a retrieved passage, with what scoring needs. */
export interface EvidenceSentence {
  chunk: Chunk;
  /** Rank of the chunk in retrieval (0 = best). */
  rank: number;
  chunkScore: number;
  /** Absolute offsets in the document; the speaker label is not part of the span. */
  start: number;
  end: number;
  text: string;
  terms: readonly string[];
  termSet: ReadonlySet<string>;
  figures: readonly NumericClaim[];
  years: readonly number[];
  /** Position of the sentence in its chunk. */
  index: number;
  /**
   * Terms of the sentence before, when this one refers back to it: it opens with a pronoun ("It is 312 km long") or
   * leaves out its subject's noun ("The lowest was 7.2 °C").
   */
  inherited?: ReadonlySet<string>;
}

/** A sentence with its score and the query terms it matched. */
export interface ScoredSentence {
  sentence: EvidenceSentence;
  score: number;
  coverage: number;
  /** The question its document poses right before it, which it answers and whose score it took. */
  posed?: EvidenceSentence;
}

/** A sentence opening with a pronoun that refers back to the sentence before it. */
const PRONOUN_START_RE = /^\W*(?:it|its|they|their|them|he|his|she|her|this|these|those)\b/iu;
/** A subject of "the" and one word before a verb ("The lowest was 7.2 °C"): an adjective there leaves out its noun. */
const BARE_SUBJECT_RE = /^\W*(?:the|its|their)\s+(\p{L}+)\s+(?:was|were|is|are|has|had|will|came|stood|fell|rose)\b/iu;

/**
 * Whether a sentence refers back to the one before it: it opens with a pronoun, or with an adjective whose noun it
 * leaves to that sentence ("The highest temperature was 36.4 °C. The lowest was 7.2 °C").
 */
function refersBack(text: string): boolean {
  if (PRONOUN_START_RE.test(text)) return true;
  const m = BARE_SUBJECT_RE.exec(text);
  return m !== null && tagText(m[0]).tokens.some((t) => t.text === m[1] && t.pos === 'ADJ');
}

const sentenceCache = new WeakMap<KnowledgeSnapshot, Map<string, Omit<EvidenceSentence, 'rank' | 'chunkScore'>[]>>();
const LABEL_RE = /^[^\n:：]{1,40}[:：]\s*/;

function chunkSentences(snapshot: KnowledgeSnapshot, chunk: Chunk): Omit<EvidenceSentence, 'rank' | 'chunkScore'>[] {
  let byChunk = sentenceCache.get(snapshot);
  if (!byChunk) {
    byChunk = new Map();
    sentenceCache.set(snapshot, byChunk);
  }
  const cached = byChunk.get(chunk.id);
  if (cached) return cached;
  const spans: Omit<EvidenceSentence, 'rank' | 'chunkScore'>[] = splitSentences(chunk.text, chunk.start).map(
    (s, index) => {
      let { start, text } = s;
      if (index === 0 && chunk.speaker && text.startsWith(chunk.speaker)) {
        const label = LABEL_RE.exec(text)?.[0] ?? '';
        start += label.length;
        text = text.slice(label.length);
      }
      const terms = tokenize(text);
      return {
        chunk,
        start,
        end: s.end,
        text,
        terms,
        termSet: new Set(terms),
        index,
        figures: extractClaims(text, start).filter(isCheckable),
        years: yearsIn(text),
      };
    },
  );
  for (let i = 1; i < spans.length; i++)
    if (refersBack(spans[i]!.text)) spans[i] = { ...spans[i]!, inherited: spans[i - 1]!.termSet };
  const kept = spans.filter((s) => s.text.trim().length > 0);
  byChunk.set(chunk.id, kept);
  return kept;
}

/** Splits retrieved passages into sentences (verbatim spans with figures and terms). */
export function collectSentences(snapshot: KnowledgeSnapshot, hits: readonly SearchHit[]): EvidenceSentence[] {
  return hits.flatMap((hit, rank) =>
    chunkSentences(snapshot, hit.chunk).map((s) => ({ ...s, rank, chunkScore: hit.score })),
  );
}

/** The corpus speakers a question names (by full name, case-insensitive), in order of mention. */
export function namedSpeakers(snapshot: KnowledgeSnapshot, text: string): string[] {
  const lower = text.toLowerCase();
  const found = corpusStats(snapshot)
    .speakers.map((sp) => ({ sp, at: lower.indexOf(sp.toLowerCase()) }))
    .filter((x) => x.at >= 0);
  const kept = found.filter(
    (x) => !found.some((y) => y !== x && y.sp.length > x.sp.length && y.sp.toLowerCase().includes(x.sp.toLowerCase())),
  );
  return kept.sort((a, b) => a.at - b.at).map((x) => x.sp);
}
