import type { Config } from '../config.js';
import { createApp } from '../http/app.js';
import type { Logger } from '../logger.js';
import { createSlackBot, type SlackBot } from '../slack/slack-bot.js';
import type { Services } from './services.js';

/** The HTTP app over wired services, with the Slack bot it serves (when `config.slack` is set). */
export interface ServiceApp {
  app: ReturnType<typeof createApp>;
  slack: SlackBot | undefined;
}

/**
 * Builds the HTTP app over `services` the way every entry point serves it (server, eval, bench, soak):
 * feedback, metrics, shared rate limits and Slack dedupe, database health and, with `config.slack`,
 * the Slack bot (returned so the server can drain it on shutdown).
 */
export function createServiceApp(services: Services, config: Readonly<Config>, logger?: Logger): ServiceApp {
  const { kb, chat, feedback, metrics, shared, databaseHealth } = services;
  const slack = config.slack ? createSlackBot(config.slack, chat, logger, metrics, shared.seenKeys) : undefined;
  const app = createApp({
    config,
    kb,
    chat,
    feedback,
    metrics,
    rateLimitStore: shared.rateLimitStore,
    seenKeys: shared.seenKeys,
    ...(logger ? { logger } : {}),
    ...(slack ? { slack } : {}),
    ...(databaseHealth ? { databaseHealth } : {}),
  });
  return { app, slack };
}
