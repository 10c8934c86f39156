import { escapeRegExp } from '../language/escape-regexp.js';
import { functionWords } from '../language/function-words.js';

/** A `Name:` label at the start of a paragraph. */
export interface SpeakerLabel {
  /** The name without colon or emphasis markers. */
  name: string;
  script: 'latin' | 'cjk';
  /** Index in the paragraph where the spoken text begins (after the colon and spaces). */
  contentStart: number;
}

const MAX_LABEL_LENGTH = 40;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const LATIN_LABEL = new RegExp(
  String.raw`^(\*\*|__)?(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,3})(?:\*\*|__)?[ \t]*(?::(?=\s|$|\*\*|__)|：)(?:\*\*|__)?[ \t]*`,
  'u',
);
const CJK_LABEL = /^(\*\*|__)?([\p{Script=Han}·・]{1,8})(?:\*\*|__)?[ \t]*[：:](?:\*\*|__)?[ \t]*/u;

/** Words beyond the function words that open a heading or note rather than a name ("Note:", "Table 2:"). */
const HEADING_OPENERS: readonly string[] = (
  'note notes nb ps first second third fourth fifth finally lastly example examples source sources summary ' +
  'update warning tip important conclusion background abstract keywords key step part chapter section table ' +
  'figure fig chart title date author authors subject re cc tags category status result results objective method ' +
  'methods definition remark remarks notice caution attention disclaimer reference references http https edit ' +
  'editor translator translation see also'
).split(' ');

/** Function words that are also given names ("Will", "May", "Can"), so a speaker label may open with them. */
const NAME_HOMOGRAPHS: readonly string[] = ['will', 'may', 'can'];

/** First words that make a capitalised phrase a heading or note rather than a name. */
const NOT_A_NAME = functionWords({ add: HEADING_OPENERS, keep: NAME_HOMOGRAPHS });

/** Chinese openers that introduce a point rather than name a speaker. */
const CJK_NOT_A_NAME = new Set(
  (
    '例如 比如 首先 其次 再次 最后 总之 注 注意 备注 说明 问题 答案 一是 二是 三是 四是 第一 第二 第三 第四 另外 此外 因此 所以 但是 同时 具体来说 总的来说 简而言之 来源 资料来源 摘要 关键词 ' +
    '标题 日期 作者 编者按 结论 背景'
  ).split(' '),
);

/**
 * Matches a speaker label such as `Ana Ruiz:`, `The Harbour Gazette:` or `王芳：` at the start
 * of a paragraph: one to four capitalised words (at most 40 characters) or up to eight Han
 * characters, followed by an ASCII or full-width colon. Returns null for anything else.
 */
export function matchSpeakerLabel(paragraph: string): SpeakerLabel | null {
  const latin = LATIN_LABEL.exec(paragraph);
  if (latin) {
    const name = latin[2]!;
    const firstWord = name
      .split(/[ \t]+/u)[0]!
      .replace(/[.'’-]+$/u, '')
      .toLowerCase();
    if (name.length <= MAX_LABEL_LENGTH && !NOT_A_NAME.has(firstWord)) {
      return { name, script: 'latin', contentStart: latin[0].length };
    }
    return null;
  }
  const cjk = CJK_LABEL.exec(paragraph);
  if (cjk && !CJK_NOT_A_NAME.has(cjk[2]!)) {
    return { name: cjk[2]!, script: 'cjk', contentStart: cjk[0].length };
  }
  return null;
}

/**
 * Matches a label spelling exactly `name` (case-insensitive), however the name is written;
 * used for a declared interviewer such as "The Economist" that the general rule rejects.
 */
export function matchNamedLabel(paragraph: string, name: string): SpeakerLabel | null {
  const wanted = name.trim();
  if (!wanted) return null;
  const escaped = escapeRegExp(wanted).replace(/\s+/gu, String.raw`\s+`);
  const re = new RegExp(String.raw`^(?:\*\*|__)?(${escaped})(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?[ \t]*`, 'iu');
  const m = re.exec(paragraph);
  if (!m) return null;
  return { name: m[1]!, script: /\p{Script=Han}/u.test(wanted) ? 'cjk' : 'latin', contentStart: m[0].length };
}
