import { ChatService } from '../answer/chat-service.js';
import { OfflineAnswerer } from '../answer/offline-answerer.js';
import type { Answerer } from '../answer/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createEmbedder } from '../retrieval/embedder.js';
import { KnowledgeBase } from '../retrieval/knowledge-base.js';

/** The wired application services (composition root shared by the server and the CLIs). */
export interface Services {
  kb: KnowledgeBase;
  chat: ChatService;
}

/** Builds the knowledge base and chat service from configuration; the model answerer only when configured. */
export async function createServices(config: Readonly<Config>, logger?: Logger, llm?: Answerer): Promise<Services> {
  const kb = new KnowledgeBase({ corpusDir: config.corpusDir, dataDir: config.dataDir, embedder: createEmbedder(config), ...(logger ? { logger } : {}) });
  const model = llm ?? (config.llm.enabled ? await loadLlm(config) : undefined);
  const chat = new ChatService({ kb, offline: new OfflineAnswerer(), llm: model, logger });
  return { kb, chat };
}

async function loadLlm(config: Readonly<Config>): Promise<Answerer | undefined> {
  const mod = (await import('../answer/llm-agent.js').catch(() => undefined)) as
    | { createLlmAnswerer?: (c: Readonly<Config>) => Answerer }
    | undefined;
  return mod?.createLlmAnswerer?.(config);
}
