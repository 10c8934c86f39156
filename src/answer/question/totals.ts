/** "The total X in 2018 and 2019", not "X in 2018 and 2019, respectively" nor "each year". */
const TOTAL_OVER_YEARS_RE = /\btotal\b(?![^?]*\b(?:respectively|each|every)\b)/iu;

/**
 * Whether a question that names periods asks for their total ("the total X in 2018 and 2019"), not for the value of
 * each ("respectively", "each", "every"). Whether X is itself a total ("total assets") is for the caller to judge.
 */
export function asksTotalOverPeriods(question: string): boolean {
  return TOTAL_OVER_YEARS_RE.test(question);
}
