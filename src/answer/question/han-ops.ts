import type { CalcOp } from '../../numbers/index.js';

/** Up to this many characters between the two parts of a Chinese comparison ("出口额比进口额多多少"). */
const SPAN = String.raw`[^？?。，,]{1,30}`;

/**
 * How Chinese questions ask for a calculation, tried in order before the English wordings: "多少个百分点"
 * (percentage points), "年均增长" (compound annual growth), "平均每年" (an average), "合计 / 一共 / 之和" (a sum),
 * "是…的多少倍" (a ratio), "占…的比重" (a share), "A比B多多少 / 相差多少" (a difference) and "增长了百分之几" (a growth
 * rate). "同比" and "环比" (year-on-year, month-on-month) are not comparisons of two things the question names.
 */
export const HAN_OP_RULES: readonly [CalcOp, RegExp][] = [
  ['pp_change', /(?:多少|几)个?百分点/u],
  ['cagr', /年均(?:复合)?增(?:长|速|幅)|复合(?:年均?)?增长率/u],
  ['average', /平均(?:每年|每月|值|数|下来)|平均(?:是|为|有)?多少/u],
  ['sum', /合计|总共|一共|共计|加起来|之和|总和/u],
  ['ratio', /(?:多少|几)倍|比值|比率是多少/u],
  ['share', new RegExp(String.raw`占${SPAN}(?:比重|比例|份额|百分之几|多少)|占比(?:是|为)?多少`, 'u')],
  [
    'difference',
    new RegExp(
      String.raw`(?<![同环相对])比${SPAN}(?:多|少|高|低|大|小)(?:了)?多少|相差多少|差额|差距(?:是|为|有)?多少|多出多少`,
      'u',
    ),
  ],
  ['growth_rate', /增长(?:了)?百分之几|增长率(?:是|为)?多少|增(?:长|加)了?多少(?:%|％)|增幅(?:是|为)?多少/u],
];

/**
 * A Chinese comparison whose second part is the base: "A比B多多少" (A minus B), "A是B的多少倍" (A over B), as "than"
 * makes the figure after it the base in English.
 */
export const HAN_COMPARISON_RE = new RegExp(String.raw`(?<![同环相对])比(?![重例率值])|是${SPAN}的(?:多少|几)倍`, 'u');

/** "A占B的比重": a Chinese share question names the part before the whole, where English names the whole first. */
export const HAN_PART_FIRST_RE = /占/u;
