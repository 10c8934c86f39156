import { z } from 'zod';
import { datasetError, readJsonFile } from '../read-json-file.js';

const AnswerSchema = z.object({ text: z.string(), answer_start: z.number().int() });

const QaSchema = z.object({
  id: z.string().min(1),
  question: z.string(),
  answers: z.array(AnswerSchema),
  is_impossible: z.boolean().optional(),
  plausible_answers: z.array(AnswerSchema).optional(),
});

const ParagraphSchema = z.object({ context: z.string(), qas: z.array(QaSchema) });

/** The SQuAD v2.0 JSON format: `{version, data: [{title, paragraphs: [{context, qas}]}]}`. */
export const SquadFileSchema = z.object({
  version: z.string().optional(),
  data: z.array(z.object({ title: z.string().min(1), paragraphs: z.array(ParagraphSchema) })),
});

/** A parsed SQuAD file. */
export type SquadFile = z.infer<typeof SquadFileSchema>;

/** One article: its title as written in the file and its paragraphs in order. */
export interface SquadArticle {
  title: string;
  paragraphs: string[];
}

/** One question, flattened out of its article and paragraph. */
export interface SquadQuestion {
  id: string;
  /** The article's title as written in the file (with underscores). */
  article: string;
  question: string;
  /** Gold answer texts (may repeat, as in the file); empty for unanswerable questions. */
  answers: string[];
  /** Where each gold answer starts in its paragraph (character offsets), in the order of `answers`. */
  answerStarts: number[];
  /** Index of the question's paragraph in its article's `paragraphs`. */
  paragraph: number;
  impossible: boolean;
}

/** A loaded dataset: the articles (for the corpus) and every question in file order. */
export interface SquadDataset {
  file: string;
  version: string | null;
  articles: SquadArticle[];
  questions: SquadQuestion[];
}

const bad = datasetError;

function describeIssue(json: unknown, issue: z.core.$ZodIssue): string {
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') || '(root)';
  // Name the article when the problem is inside one, so the message can be found in a large file.
  const index = issue.path[0] === 'data' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
  const data = (json as { data?: Array<{ title?: unknown }> } | null)?.data;
  const title = index !== undefined && Array.isArray(data) ? data[index]?.title : undefined;
  return `${where.replace(/^\./, '')}${typeof title === 'string' ? ` (article ${JSON.stringify(title)})` : ''}: ${issue.message}`;
}

/**
 * Validates parsed SQuAD v2.0 JSON and flattens it. A question is unanswerable when
 * `is_impossible` is true (or, for v1-style files without the flag, when it has no answers).
 * @throws AppError('bad_request') naming the file and the first malformed field, a duplicate id,
 *   or an answerable question without answers.
 */
export function parseSquad(json: unknown, file: string): SquadDataset {
  const parsed = SquadFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(file, `not a SQuAD v2.0 file (${issue ? describeIssue(json, issue) : 'invalid'})`);
  }
  const seen = new Set<string>();
  const articles: SquadArticle[] = [];
  const questions: SquadQuestion[] = [];
  parsed.data.data.forEach((a, ai) => {
    articles.push({ title: a.title, paragraphs: a.paragraphs.map((p) => p.context) });
    a.paragraphs.forEach((p, pi) => {
      p.qas.forEach((qa, qi) => {
        const where = `data[${ai}].paragraphs[${pi}].qas[${qi}] (id ${JSON.stringify(qa.id)})`;
        if (seen.has(qa.id)) throw bad(file, `${where}: duplicate question id`);
        seen.add(qa.id);
        const impossible = qa.is_impossible ?? qa.answers.length === 0;
        if (!impossible && !qa.answers.length)
          throw bad(file, `${where}: answerable question (is_impossible false) has no answers`);
        if (!qa.question.trim()) throw bad(file, `${where}: empty question`);
        questions.push({
          id: qa.id,
          article: a.title,
          question: qa.question,
          answers: impossible ? [] : qa.answers.map((x) => x.text),
          answerStarts: impossible ? [] : qa.answers.map((x) => x.answer_start),
          paragraph: pi,
          impossible,
        });
      });
    });
  });
  if (!questions.length) throw bad(file, 'has no questions');
  return { file, version: parsed.data.version ?? null, articles, questions };
}

/** Reads and parses a SQuAD v2.0 JSON file; unreadable, non-JSON or malformed files are AppError('bad_request'). */
export async function loadSquad(file: string): Promise<SquadDataset> {
  return parseSquad(await readJsonFile(file), file);
}
