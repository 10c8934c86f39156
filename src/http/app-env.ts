import type { ChatService } from '../answer/chat-service.js';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import type { HttpLogger } from './errors.js';

/** Everything the HTTP layer needs, injected so tests can call `app.request()`. */
export interface AppDeps {
  config: Readonly<Config>;
  kb: KnowledgeBase;
  chat: ChatService;
  logger?: HttpLogger;
}

/** Hono environment shared by all routers. */
export interface AppEnv {
  Variables: Record<string, never>;
}
