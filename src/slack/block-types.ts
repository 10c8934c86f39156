/** The subset of Slack Block Kit that citecheck sends. */

/** A text object; citecheck always sends mrkdwn. */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

/** A block of text (at most {@link SLACK_LIMITS.textChars} characters). */
export interface SectionBlock {
  type: 'section';
  text: MrkdwnText;
}

/** Small print (at most {@link SLACK_LIMITS.contextElements} elements). */
export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}

/** A horizontal rule. */
export interface DividerBlock {
  type: 'divider';
}

export type SlackBlock = SectionBlock | ContextBlock | DividerBlock;

/** A message: the blocks and the plain-text fallback used by notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's limits for messages. */
export const SLACK_LIMITS = {
  /** Characters in one section's or context element's text. */
  textChars: 3000,
  /** Elements in one context block. */
  contextElements: 10,
  /** Blocks in one message. */
  blocks: 50,
} as const;
