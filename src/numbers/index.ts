export { calculate, type CalcResult } from './calculator/calculator.js';
export { CALC_OPS, calcOps, isCalcOp, quantitySchema, type CalcOp } from './calculator/schemas.js';
export { calculatorTools, runCalculatorTool } from './calculator/tools.js';
export * as calcMath from './calculator/math.js';
export {
  parseQuantity,
  parseQuantityString,
  CURRENCIES,
  SCALES,
  type Currency,
  type Quantity,
  type QuantityInput,
  type Scale,
} from './quantity.js';
export { extractClaims, isCheckable } from './claims/extract.js';
export { checkClaims, checkClaimList } from './claims/check.js';
export { splitSentences } from './claims/sentences.js';
export type { CheckStatus, ClaimCheck, ClaimUnit, NumericClaim, Qualifier } from './claims/types.js';
export {
  buildIndicators,
  filterIndicators,
  type IndicatorChunk,
  type IndicatorDoc,
  type IndicatorRecord,
} from './indicators/indicators.js';
