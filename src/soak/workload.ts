import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** One request a load generator cycles through. */
export interface SoakRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

const TurnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1) }).strict();
const WorkloadSchema = z
  .object({
    $comment: z.string().optional(),
    /** Chat bodies: facts, computed figures, abstentions, follow-ups, other scripts. */
    questions: z
      .array(z.object({ question: z.string().min(1), history: z.array(TurnSchema).optional() }).strict())
      .min(1),
    /** Search queries: topical words, figures, a miss, other scripts. */
    queries: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** The questions and queries a soak sends; they belong to a corpus, so they live with its eval data, not here. */
export type SoakWorkload = z.infer<typeof WorkloadSchema>;

/** The workload for the bundled corpus: `eval/soak-workload.json` (also found from `dist/soak/`). */
export const DEFAULT_WORKLOAD_PATH = fileURLToPath(new URL('../../eval/soak-workload.json', import.meta.url));

const cache = new Map<string, SoakWorkload>();

/** Reads and validates a workload file (cached per path); throws naming the file when it is invalid. */
export function loadWorkload(path: string = DEFAULT_WORKLOAD_PATH): SoakWorkload {
  const cached = cache.get(path);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`soak workload ${path}: ${(err as Error).message}`);
  }
  const parsed = WorkloadSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `soak workload ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  cache.set(path, parsed.data);
  return parsed.data;
}

/** The `/api/chat` requests of the soak, one per question. */
export function chatRequests(workload: SoakWorkload = loadWorkload()): SoakRequest[] {
  return workload.questions.map((q) => ({ method: 'POST', path: '/api/chat', body: JSON.stringify(q) }));
}

/** The `/api/search` requests of the soak, one per query, with k from 3 to 10. */
export function searchRequests(workload: SoakWorkload = loadWorkload()): SoakRequest[] {
  return workload.queries.map((q, i) => ({
    method: 'GET',
    path: `/api/search?q=${encodeURIComponent(q)}&k=${3 + (i % 8)}`,
  }));
}
