import { HumanMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindTools, createChatModel } from '../../../src/answer/llm/model.js';
import { runToolCall, SEARCH_TOOL, searchDocumentsTool, type ToolContext } from '../../../src/answer/llm/tools.js';
import { CALC_OPS } from '../../../src/numbers/index.js';
import { chatCompletionStream, type FakeOpenAI, startFakeOpenAI } from '../../fakes/fake-openai.js';
import { CHAT } from './script.js';
import { llmTestConfig } from './snapshot.js';

interface SentTool {
  type: string;
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.setHandler(CHAT, () => chatCompletionStream({ content: 'ok' }));
});
afterAll(() => fake.close());

/** The body of the request one streamed call of the bound model sends. */
async function sentBody(final: boolean): Promise<{ tools: SentTool[]; tool_choice?: unknown }> {
  fake.requests.length = 0;
  const model = bindTools(createChatModel(llmTestConfig(fake.url)), final);
  for await (const _ of await model.stream([new HumanMessage('hi')], { signal: new AbortController().signal })) void _;
  return fake.requestsTo(CHAT)[0]!.body;
}

describe('tools sent to the model', () => {
  it('offers search_documents with query required, k an integer 1..10 and nothing else', async () => {
    const { tools } = await sentBody(false);
    expect(tools.map((t) => t.function.name)).toEqual([SEARCH_TOOL, ...CALC_OPS]);
    const search = tools[0]!;
    expect(search.type).toBe('function');
    expect(search.function.description).toBe(
      'Searches the documents and returns the best-matching passages, numbered for citation. ' +
        'Use it when the passages you have do not contain what the question needs.',
    );
    const { $schema, ...parameters } = search.function.parameters;
    expect($schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(parameters).toStrictEqual({
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What to look for, in a few specific words.' },
        k: { type: 'integer', minimum: 1, maximum: 10, description: 'Number of passages (default 5).' },
      },
      required: ['query'],
      additionalProperties: false,
    });
  });

  it('forbids further calls with tool_choice none on the final step, offering the same tools', async () => {
    const [open, final] = [await sentBody(false), await sentBody(true)];
    expect(open.tool_choice).toBeUndefined();
    expect(final.tool_choice).toBe('none');
    expect(final.tools).toEqual(open.tools);
  });
});

describe('search_documents arguments', () => {
  const ctx = {} as ToolContext;
  const run = (args: unknown) => runToolCall({ id: 'c1', name: SEARCH_TOOL, args: JSON.stringify(args) }, ctx);

  it.each([
    [{ query: '   ' }, /query: Too small/],
    [{ query: 'x'.repeat(501) }, /query: Too big/],
    [{ query: 'trade', k: 11 }, /k: Too big/],
    [{ query: 'trade', k: 1.5 }, /k: Invalid input: expected int/],
    [{ query: 'trade', extra: true }, /Unrecognized key: "extra"/],
    [{ k: 3 }, /query: Invalid input: expected string/],
  ])('returns %j to the model as malformed', async (args, message) => {
    const outcome = await run(args);
    expect(outcome.malformed).toBe(true);
    const { error } = JSON.parse(outcome.content) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_arguments');
    expect(error.message).toMatch(message);
  });

  it('is declared, not run, by its LangChain tool', async () => {
    await expect(searchDocumentsTool.invoke({ query: 'trade' })).rejects.toThrow(/runToolCall/);
  });
});
