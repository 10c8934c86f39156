import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

/** Universal part-of-speech tag of a token (wink-nlp's tag set: NOUN, PROPN, VERB, NUM, ADP, DET, ...). */
export type PosTag = string;

/** A token of a tagged sentence, with offsets relative to the tagged text. */
export interface TaggedToken {
  text: string;
  start: number;
  end: number;
  pos: PosTag;
  /** Dictionary form, lower-cased ("invaded" -> "invade"). */
  lemma: string;
  /** A function word (wink-nlp's English stop-word list). */
  stop: boolean;
}

/** A named entity wink-nlp recognised: DATE, CARDINAL, ORDINAL, MONEY, PERCENT, DURATION, TIME, ... */
export interface EntitySpan {
  type: string;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

/** A sentence as the tagger sees it. */
export interface TaggedText {
  tokens: TaggedToken[];
  entities: EntitySpan[];
}

let nlp: WinkMethods | undefined;
const MEMO_LIMIT = 50_000;
const memo = new Map<string, TaggedText>();

/**
 * English part-of-speech tags, lemmas, stop words and number/date entities from wink-nlp's
 * pre-trained light model (offline, about 0.2 ms a sentence). The model loads on first use;
 * results are memoised by text.
 */
export function tagText(text: string): TaggedText {
  const known = memo.get(text);
  if (known) return known;
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<typeof doc.tokens>['out']>[0]) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const tokens: TaggedToken[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    const start = at >= 0 ? at : cursor;
    const end = at >= 0 ? at + value.length : cursor;
    cursor = end;
    tokens.push({
      text: value,
      start,
      end,
      pos: pos[i] ?? 'X',
      lemma: (lemmas[i] ?? value).toLowerCase(),
      stop: Boolean(stops[i]),
    });
  });
  const entities: EntitySpan[] = [];
  doc.entities().each((e: { out(f: unknown): unknown }) => {
    const [first, last] = e.out(its.span) as unknown as [number, number];
    entities.push({ type: e.out(its.type) as string, first, last });
  });
  const tagged = { tokens, entities };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, tagged);
  return tagged;
}
