/* Limits of the offline decision: how far below the best sentence evidence is sought, and how well it must score. */

/**
 * A runner-up sentence may lead the answer, when the best lacks a span of the asked-for kind, if it scores this share
 * of the best. On SQuAD's development articles 0.5 and 0.75 gave the same F1 (37.7), 0.5 fewer false abstentions
 * (3.0% against 3.2%) and fewer caught unanswerable questions (13.9% against 14.6%).
 */
export const RUNNER_UP_SHARE = 0.5;
/**
 * Sentences searched, below the top {@link TOP_SENTENCES}, for a figure with the measure a quantity question names when
 * none of the top ones gives it ("The trial enrolled 1,204 adults" under a sentence that names the trial and adults
 * but gives no figure).
 */
export const FIGURE_SEARCH = 8;
/**
 * Sentences examined for a figure that answers a quantity question, and for the question's years: a
 * question about a year none of them mentions is a near miss (on the SQuAD sample this caught 1.1% more
 * unanswerable questions for 0.2% more false abstentions).
 */
export const TOP_SENTENCES = 3;
