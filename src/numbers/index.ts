export { calculate } from './calculator/calculator.js';
export * as calcMath from './calculator/math.js';
export type { CalcResult } from './calculator/result.js';
export { CALC_OPS, type CalcOp, calcOps, isCalcOp, quantitySchema } from './calculator/schemas.js';
export { calculatorTools, runCalculatorTool, toolErrorJson } from './calculator/tools.js';
export { checkClaimList, checkClaims } from './claims/check.js';
export { extractClaims, isCheckable } from './claims/extract.js';
export { isDayOfMonth } from './claims/figures.js';
export { splitSentences } from './claims/sentences.js';
export type { CheckStatus, ClaimCheck, ClaimUnit, NumericClaim, Qualifier } from './claims/types.js';
export {
  CURRENCIES,
  type Currency,
  parseQuantity,
  parseQuantityString,
  type Quantity,
  type QuantityInput,
  SCALES,
  type Scale,
  scaleFactor,
} from './quantity.js';
