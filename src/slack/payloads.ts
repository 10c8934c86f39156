import { z } from 'zod';

/** The fields of an Events API event that the bot reads. */
export const SlackEventSchema = z.looseObject({
  type: z.string(),
  channel: z.string().optional(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
});

/** An Events API request body: `url_verification` or `event_callback`. */
export const SlackEnvelopeSchema = z.looseObject({
  type: z.string(),
  challenge: z.string().optional(),
  event_id: z.string().optional(),
  event: SlackEventSchema.optional(),
  authorizations: z.array(z.looseObject({ user_id: z.string().optional() })).optional(),
});

export type SlackEvent = z.infer<typeof SlackEventSchema>;
export type SlackEnvelope = z.infer<typeof SlackEnvelopeSchema>;

/** A slash command, from its form-encoded body. */
export interface SlashCommand {
  command: string;
  text: string;
  responseUrl: string;
  userId: string | undefined;
  channelId: string | undefined;
}

/** Reads the fields of a slash-command body (`application/x-www-form-urlencoded`). */
export function parseSlashCommand(form: URLSearchParams): SlashCommand {
  return {
    command: form.get('command') ?? '',
    text: form.get('text') ?? '',
    responseUrl: form.get('response_url') ?? '',
    userId: form.get('user_id') ?? undefined,
    channelId: form.get('channel_id') ?? undefined,
  };
}

/**
 * Splits slash-command text into the question and whether to post it in the channel:
 * `share What …?` asks "What …?" visibly; anything else is answered only to the asker.
 */
export function parseCommandText(text: string): { question: string; share: boolean } {
  const match = /^\s*share\b[\s:,-]*/i.exec(text);
  return match
    ? { question: text.slice(match[0].length).trim(), share: true }
    : { question: text.trim(), share: false };
}
