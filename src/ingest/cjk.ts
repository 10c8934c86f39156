/** Han, Hiragana and Katakana characters: scripts written without spaces between words. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** True when `ch` is a character of a script written without word spaces. */
export function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

/** True when `text` contains at least one CJK character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}
