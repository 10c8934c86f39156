import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { calcOps, calculatorTools, isCalcOp, runCalculatorTool, toolErrorJson } from '../../numbers/index.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import type { SearchHit } from '../../retrieval/retriever.js';
import type { CalcRecord } from '../grounding/figure-checks.js';
import { passageText } from '../grounding/table-context.js';
import { escapeData, type PassageRegistry, renderPassages } from './passage-registry.js';
import type { PromptLibrary } from './prompts.js';

/** Name of the retrieval tool offered to the model. */
export const SEARCH_TOOL = 'search_documents';
/** Passages a search returns when the model gives no `k`. */
export const DEFAULT_SEARCH_K = 5;

/**
 * Arguments of `search_documents`. The query's trimmed length (1 to 500) is checked but not sent to
 * the model: LangChain describes a pipe by its input side, a plain string.
 */
export const SearchArgsSchema = z
  .object({
    query: z.string().describe('What to look for, in a few specific words.').pipe(z.string().trim().min(1).max(500)),
    k: z.number().int().min(1).max(10).describe(`Number of passages (default ${DEFAULT_SEARCH_K}).`).optional(),
  })
  .strict();

/** `search_documents` as offered to the model; its calls run through {@link runToolCall}, which has the snapshot. */
export const searchDocumentsTool = tool(
  (): never => {
    throw new Error(`${SEARCH_TOOL} needs a snapshot to search: run it with runToolCall`);
  },
  {
    name: SEARCH_TOOL,
    description:
      'Searches the documents and returns the best-matching passages, numbered for citation. ' +
      'Use it when the passages you have do not contain what the question needs.',
    schema: SearchArgsSchema,
  },
);

/** Every tool the model may call, as LangChain tools: search plus one per calculator operation. */
export const modelTools = [searchDocumentsTool, ...calculatorTools];

/** A tool call as the model sent it: arguments are the raw JSON text. */
export interface RawToolCall {
  id: string;
  name: string;
  args: string;
}

/** Result of running one tool call. */
export interface ToolOutcome {
  /** Text returned to the model. */
  content: string;
  /** The call could not be run as sent (bad JSON, unknown tool, arguments violating the schema). */
  malformed: boolean;
  calc?: CalcRecord;
}

/** What tool calls run against. */
export interface ToolContext {
  snapshot: KnowledgeSnapshot;
  registry: PassageRegistry;
  prompts: PromptLibrary;
}

function malformed(message: string): ToolOutcome {
  return {
    content: toolErrorJson('invalid_arguments', `${message}. Fix the arguments and call the tool again.`),
    malformed: true,
  };
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
}

function parseArgs(raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (raw.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (err) {
    return { ok: false, message: `arguments are not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

async function search(args: z.infer<typeof SearchArgsSchema>, ctx: ToolContext): Promise<string> {
  let hits: SearchHit[];
  try {
    hits = await ctx.snapshot.retriever.search(args.query, { k: args.k ?? DEFAULT_SEARCH_K });
  } catch (err) {
    return toolErrorJson('search_failed', `the search failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const shown = new Set(ctx.registry.all().map((e) => e.n));
  const passages = await renderPassages(ctx.prompts, ctx.registry.add(hits), shown, (chunk) =>
    passageText(ctx.snapshot, chunk),
  );
  return ctx.prompts.render('search-results', { search_tool: SEARCH_TOOL, query: escapeData(args.query), passages });
}

function runCalc(op: string, args: unknown): ToolOutcome {
  const content = runCalculatorTool(op, args);
  const parsed = JSON.parse(content) as Partial<CalcRecord> & { error?: unknown };
  if (parsed.error || typeof parsed.value !== 'number') return { content, malformed: false };
  const { value, display = '', formula = '' } = parsed;
  return { content, malformed: false, calc: { op, args: parsed.args ?? {}, value, display, formula } };
}

/**
 * Runs one tool call. Malformed calls (bad JSON, unknown tool, schema violations) and
 * calculator errors come back as `{"error": ...}` text for the model to read and correct.
 */
export async function runToolCall(call: RawToolCall, ctx: ToolContext): Promise<ToolOutcome> {
  const parsed = parseArgs(call.args);
  if (!parsed.ok) return malformed(parsed.message);
  if (call.name === SEARCH_TOOL) {
    const args = SearchArgsSchema.safeParse(parsed.value);
    if (!args.success) return malformed(issues(args.error));
    return { content: await search(args.data, ctx), malformed: false };
  }
  if (isCalcOp(call.name)) {
    const args = calcOps[call.name].schema.safeParse(parsed.value);
    if (!args.success) return malformed(issues(args.error));
    return runCalc(call.name, parsed.value);
  }
  const known = [SEARCH_TOOL, ...Object.keys(calcOps)].join(', ');
  return malformed(`unknown tool "${call.name}" (available: ${known})`);
}
