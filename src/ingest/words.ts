import { isCjk } from './cjk.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Word weight of `text`: whitespace-separated tokens that contain a letter or digit,
 * plus half a word per CJK character. Fractional so that weights of adjacent spans add up.
 */
export function wordWeight(text: string): number {
  let words = 0;
  let cjk = 0;
  for (const token of text.split(/\s+/u)) {
    let inWord = false;
    for (const ch of token) {
      if (isCjk(ch)) {
        cjk++;
        inWord = false;
      } else if (!inWord && WORD_CHAR.test(ch)) {
        words++;
        inWord = true;
      }
    }
  }
  return words + cjk / 2;
}

/** Number of words in `text`; CJK text counts two characters as one word. */
export function countWords(text: string): number {
  return Math.ceil(wordWeight(text));
}
