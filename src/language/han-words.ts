/** ICU's dictionary-based word breaking (`Intl.Segmenter`), which splits Chinese text into words without spaces. */
export const hanSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** A word of two or more Han characters: single characters are mostly particles, measure words or parts of names. */
const HAN_WORD_RE = /^\p{Script=Han}{2,}$/u;
/** Chinese question words, which ask for the answer and so never stand in it ("多少", "为什么", "哪一天"). */
const QUESTION_WORD_RE =
  /^(?:多少|什么|为什么|为何|怎么|怎样|如何|哪[里儿些个一]?|几[个年月日]?|是否|是不是|谁[在是]?|何时|何地|多久|多大|多长)/u;

/**
 * The Chinese words of a text that carry content, as ICU's word breaker splits them: two or more Han characters,
 * question words ("多少", "哪一") left out. Empty for text without Han characters.
 */
export function hanContentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of hanSegmenter.segment(text))
    if (s.isWordLike && HAN_WORD_RE.test(s.segment) && !QUESTION_WORD_RE.test(s.segment)) out.push(s.segment);
  return out;
}
