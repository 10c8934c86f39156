import { LogLevel, WebClient } from '@slack/web-api';
import type { ChatService } from '../answer/chat-service.js';
import { ChatRequestSchema, type HistoryTurn } from '../answer/schema.js';
import type { SlackConfig } from '../config.js';
import { isAppError } from '../errors.js';
import type { SlackEventOutcome } from '../metrics/labels.js';
import type { Metrics } from '../metrics/metrics.js';
import { buildAnswerMessage } from './answer-blocks.js';
import type { SlackMessage } from './block-types.js';
import { type SeenKeyStore, SeenKeys } from './dedupe.js';
import { slackToPlain } from './mrkdwn.js';
import { parseCommandText, type SlackEnvelope, type SlackEvent, type SlashCommand } from './payloads.js';
import { PendingWork } from './pending-work.js';
import { threadHistory } from './thread-history.js';

/** What the bot logs through: failures of a reply or a Slack call. */
export interface SlackLogger {
  error(obj: object, msg?: string): void;
}

/** Dependencies of {@link SlackBot}. */
export interface SlackBotDeps {
  chat: Pick<ChatService, 'answer'>;
  /** Web API client (`chat.postMessage`, `conversations.replies`). */
  client: WebClient;
  /** Used to post to slash commands' `response_url`; defaults to the global fetch. */
  fetch?: typeof fetch;
  logger?: SlackLogger | undefined;
  /** Counts commands and event deliveries by outcome (answered, duplicate, ignored). */
  metrics?: Pick<Metrics, 'recordSlackEvent' | 'recordSlackCommand'> | undefined;
  /**
   * Deliveries already handled; shared between replicas when backed by PostgreSQL or Redis (see
   * `FallbackSeenKeys` for a store that never rejects). In this process's memory when omitted.
   */
  seen?: SeenKeyStore | undefined;
}

/** What the slash-command endpoint sends back at once, if anything (an empty 200 otherwise). */
export type CommandAck = { response_type: 'ephemeral'; text: string } | undefined;

/** How an event was handled. */
export type EventOutcome = 'answering' | 'duplicate' | 'ignored';

/** The metric outcome of each way an event is handled. */
const EVENT_METRIC: Record<EventOutcome, SlackEventOutcome> = {
  answering: 'answered',
  duplicate: 'duplicate',
  ignored: 'ignored',
};

const USAGE =
  'Ask a question about the documents, e.g. `/citecheck What was revenue growth last year?` ' +
  'Start with `share` to post the answer in the channel.';

/**
 * Answers Slack slash commands and mentions/direct messages with cited answers. The HTTP layer
 * verifies and acknowledges requests; the answers are produced in the background and tracked in
 * {@link pending}, so tests and shutdown can wait for them with {@link drain}.
 */
export class SlackBot {
  /** Answers still being produced or posted. */
  readonly pending: PendingWork;
  private readonly seen: SeenKeyStore;
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: SlackBotDeps) {
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.seen = deps.seen ?? new SeenKeys();
    this.pending = new PendingWork((err) => deps.logger?.error({ err }, 'slack answer failed'));
  }

  /** Starts answering a slash command; returns the immediate acknowledgement body. */
  handleCommand(command: SlashCommand): CommandAck {
    const ack = this.startCommand(command);
    this.deps.metrics?.recordSlackCommand(ack ? 'ignored' : 'answered');
    return ack;
  }

  /**
   * Starts answering an Events API callback: `app_mention`, or a `message` in a direct-message
   * channel, from a person. Deliveries already seen (by event id or message) are not answered again.
   * Resolves once the delivery is recorded as seen, before the answer is produced. A dedupe store
   * that fails counts the delivery as new (answered) rather than rejecting.
   */
  async handleEvent(envelope: SlackEnvelope): Promise<EventOutcome> {
    const outcome = await this.startEvent(envelope);
    this.deps.metrics?.recordSlackEvent(EVENT_METRIC[outcome]);
    return outcome;
  }

  private startCommand(command: SlashCommand): CommandAck {
    const { question, share } = parseCommandText(slackToPlain(command.text));
    if (!question) return { response_type: 'ephemeral', text: USAGE };
    if (!/^https?:\/\//i.test(command.responseUrl))
      return { response_type: 'ephemeral', text: 'This command came without a response URL.' };
    this.pending.track(this.answerCommand(question, share, command.responseUrl));
    return undefined;
  }

  private async startEvent(envelope: SlackEnvelope): Promise<EventOutcome> {
    const event = envelope.event;
    if (envelope.type !== 'event_callback' || !event) return 'ignored';
    const botUserId = envelope.authorizations?.[0]?.user_id;
    if (!isQuestion(event, botUserId) || !event.channel || !event.ts) return 'ignored';
    const keys = [`msg:${event.channel}:${event.ts}`, ...(envelope.event_id ? [`event:${envelope.event_id}`] : [])];
    if (!(await this.firstTime(keys))) return 'duplicate';
    this.pending.track(this.answerEvent(event as SlackEvent & { channel: string; ts: string }, botUserId));
    return 'answering';
  }

  private async firstTime(keys: string[]): Promise<boolean> {
    try {
      return await this.seen.firstTime(...keys);
    } catch (err) {
      this.deps.logger?.error({ err }, 'slack dedupe store failed; answering the delivery');
      return true;
    }
  }

  /** Resolves once every started answer has been posted (or has failed). */
  drain(): Promise<void> {
    return this.pending.drain();
  }

  private async answerCommand(question: string, share: boolean, responseUrl: string): Promise<void> {
    const message = await this.answer(question, [], true);
    const body = {
      response_type: share && !message.failed ? 'in_channel' : 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    };
    const res = await this.fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`response_url refused the answer (HTTP ${res.status})`);
  }

  private async answerEvent(
    event: SlackEvent & { channel: string; ts: string },
    botUserId: string | undefined,
  ): Promise<void> {
    const question = slackToPlain(event.text ?? '', botUserId);
    const thread = event.thread_ts ?? event.ts;
    const history =
      event.thread_ts && question ? await this.history(event.channel, event.thread_ts, event.ts, botUserId) : [];
    const message = question ? await this.answer(question, history, false) : { text: USAGE, blocks: [] };
    await this.deps.client.chat.postMessage({
      channel: event.channel,
      thread_ts: thread,
      text: message.text,
      ...(message.blocks.length ? { blocks: message.blocks } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  private async history(
    channel: string,
    threadTs: string,
    beforeTs: string,
    botUserId: string | undefined,
  ): Promise<HistoryTurn[]> {
    const replies = await this.deps.client.conversations.replies({ channel, ts: threadTs, limit: 100 });
    return threadHistory(replies.messages ?? [], beforeTs, botUserId);
  }

  /** The answer as a message; failures become a short apology instead of an exception. */
  private async answer(
    question: string,
    history: HistoryTurn[],
    showQuestion: boolean,
  ): Promise<SlackMessage & { failed?: true }> {
    const request = ChatRequestSchema.safeParse({ question, history });
    if (!request.success)
      return failure(`I can't take that question: ${request.error.issues[0]?.message ?? 'it is not valid'}.`);
    try {
      const response = await this.deps.chat.answer(request.data, { signal: AbortSignal.timeout(120_000) });
      return buildAnswerMessage(response, showQuestion ? { question } : {});
    } catch (err) {
      if (isAppError(err) && err.code === 'not_ready')
        return failure('The documents are still being indexed; please ask again in a minute.');
      this.deps.logger?.error({ err }, 'slack question could not be answered');
      return failure('Sorry, something went wrong while answering that question.');
    }
  }
}

function failure(text: string): SlackMessage & { failed: true } {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${text}` } }], failed: true };
}

/** A person's mention of the bot, or a person's direct message to it. */
function isQuestion(event: SlackEvent, botUserId: string | undefined): boolean {
  const relevant = event.type === 'app_mention' || (event.type === 'message' && event.channel_type === 'im');
  const fromBot = Boolean(event.bot_id) || event.subtype !== undefined || !event.user || event.user === botUserId;
  return relevant && !fromBot;
}

/** A bot whose Web API client talks to `config.apiUrl` with the bot token. */
export function createSlackBot(
  config: SlackConfig,
  chat: Pick<ChatService, 'answer'>,
  logger?: SlackLogger,
  metrics?: SlackBotDeps['metrics'],
  seen?: SeenKeyStore,
): SlackBot {
  const client = new WebClient(config.botToken, {
    slackApiUrl: config.apiUrl,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000 },
    timeout: 15_000,
  });
  return new SlackBot({ chat, client, logger, metrics, seen });
}
