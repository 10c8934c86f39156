/** `route` label of requests no route matched (unknown paths are never used as label values). */
export const UNMATCHED_ROUTE = 'unmatched';

/** Modes an answer can come from. */
export const ANSWER_MODES = ['offline', 'llm'] as const;

/** Per-IP budgets of the rate limit (see `installRateLimits`). */
export const RATE_LIMIT_BUDGETS = ['answering', 'feedback', 'api'] as const;

/** Ways a Slack Events API delivery is handled. */
export const SLACK_EVENT_OUTCOMES = ['answered', 'duplicate', 'ignored'] as const;

/** Ways a slash command is handled: answered in the background, or refused at once (usage text). */
export const SLACK_COMMAND_OUTCOMES = ['answered', 'ignored'] as const;

/** Outcomes of one model call. */
export const LLM_CALL_OUTCOMES = ['ok', 'error'] as const;

/** Outcomes of a background rebuild. */
export const REINDEX_OUTCOMES = ['succeeded', 'failed'] as const;

/** Which per-IP budget refused a request. */
export type RateLimitBudget = (typeof RATE_LIMIT_BUDGETS)[number];

/** How a Slack Events API delivery was handled. */
export type SlackEventOutcome = (typeof SLACK_EVENT_OUTCOMES)[number];

/** How a slash command was handled. */
export type SlackCommandOutcome = (typeof SLACK_COMMAND_OUTCOMES)[number];

/** Outcome of one model call. */
export type LlmCallOutcome = (typeof LLM_CALL_OUTCOMES)[number];

/** Outcome of a background rebuild. */
export type ReindexOutcome = (typeof REINDEX_OUTCOMES)[number];
