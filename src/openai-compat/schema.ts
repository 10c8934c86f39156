import { z } from 'zod';

/** The model name under which citecheck answers (`GET /v1/models`). */
export const MODEL_ID = 'citecheck';

const ContentPartSchema = z
  .looseObject({ type: z.string(), text: z.string().optional() })
  .refine(
    (part) => part.type === 'text' && typeof part.text === 'string',
    'only text content parts ({type: "text", text}) are supported',
  );

/** One message of a chat completion request; `developer` is treated like `system`. */
export const CompletionMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z
    .union([z.string(), z.array(ContentPartSchema)])
    .nullable()
    .optional(),
});

/**
 * Body of `POST /v1/chat/completions`. Other OpenAI parameters (temperature, max_tokens, …) are
 * accepted and ignored: the answer is always grounded in the documents.
 */
export const ChatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1, 'must not be empty'),
  messages: z.array(CompletionMessageSchema).min(1, 'must contain at least one message'),
  stream: z.boolean().nullable().optional(),
});

export type CompletionMessage = z.infer<typeof CompletionMessageSchema>;
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>;
