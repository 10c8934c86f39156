import type { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import { type Config, ConfigError } from '../config.js';
import { LocalHashEmbedder } from './local-embedder.js';

/**
 * A LangChain embeddings model with a stable identity. `id` goes into the index manifest so a
 * different model or dimension forces a rebuild; `dimension` is known up front for local models
 * and after the first call for remote ones. `embedMatrix`, when present, is a faster batch path.
 */
export type RetrievalEmbedder = Embeddings & {
  readonly id: string;
  readonly dimension?: number | undefined;
  embedMatrix?(texts: readonly string[]): Float32Array;
};

/** `OpenAIEmbeddings` that reports `id = openai:<model>` and learns its dimension from the first response. */
export class OpenAIEmbedder extends OpenAIEmbeddings {
  private learnedDimension: number | undefined;

  /** `openai:<model>` (plus `@<dimensions>` when a reduced dimension was requested). */
  get id(): string {
    return `openai:${this.model}${this.dimensions ? `@${this.dimensions}` : ''}`;
  }

  /** Known after the first embedding (or immediately when `dimensions` was requested). */
  get dimension(): number | undefined {
    return this.learnedDimension ?? this.dimensions;
  }

  private learn(v: number[] | undefined): void {
    if (v && this.learnedDimension === undefined) this.learnedDimension = v.length;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const out = await super.embedDocuments(texts);
    this.learn(out[0]);
    return out;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const out = await super.embedQuery(text);
    this.learn(out);
    return out;
  }
}

/**
 * The embedder selected by configuration: the offline {@link LocalHashEmbedder} by default
 * (dimension `embeddings.localDim`), or an OpenAI-compatible endpoint when `embeddings.provider`
 * is `openai` (model `embeddings.model`, `openai.baseUrl`, key defaulting to `not-needed`
 * when only a base URL is set, which suits local OpenAI-compatible servers).
 */
export function createEmbedder(config: Config): RetrievalEmbedder {
  if (config.embeddings.provider === 'local') return new LocalHashEmbedder({ dimension: config.embeddings.localDim });
  const { apiKey, baseUrl } = config.openai;
  if (!apiKey && !baseUrl) throw new ConfigError('EMBEDDINGS_PROVIDER=openai needs OPENAI_API_KEY or OPENAI_BASE_URL');
  return new OpenAIEmbedder({
    model: config.embeddings.model,
    apiKey: apiKey ?? 'not-needed',
    configuration: baseUrl ? { baseURL: baseUrl } : {},
    maxRetries: config.llm.maxRetries,
    timeout: config.llm.timeoutMs,
  });
}
