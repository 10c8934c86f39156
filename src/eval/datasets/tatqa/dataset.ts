import { z } from 'zod';
import { datasetError, readJsonFile } from '../read-json-file.js';

/** TAT-QA's answer types. */
export const ANSWER_TYPES = ['span', 'multi-span', 'arithmetic', 'count'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Where a TAT-QA answer comes from. */
export const ANSWER_FROMS = ['table', 'text', 'table-text'] as const;
export type AnswerFrom = (typeof ANSWER_FROMS)[number];

/** TAT-QA's scales ('' is none; percent answers are in percent units). */
export const TATQA_SCALES = ['', 'thousand', 'million', 'billion', 'percent'] as const;
export type TatqaScale = (typeof TATQA_SCALES)[number];

const QuestionSchema = z.object({
  uid: z.string().min(1),
  order: z.number().int(),
  question: z.string(),
  answer: z.union([z.string(), z.number(), z.array(z.string())]),
  derivation: z.string(),
  answer_type: z.enum(ANSWER_TYPES),
  answer_from: z.enum(ANSWER_FROMS),
  rel_paragraphs: z.array(z.union([z.string(), z.number()])).optional(),
  req_comparison: z.boolean().optional(),
  scale: z.enum(TATQA_SCALES),
});

const DocumentSchema = z.object({
  table: z.object({ uid: z.string(), table: z.array(z.array(z.string())) }),
  paragraphs: z.array(z.object({ uid: z.string(), order: z.number().int(), text: z.string() })),
  questions: z.array(QuestionSchema),
});

/** The TAT-QA raw format: a JSON array of `{table: {uid, table}, paragraphs: [{uid, order, text}], questions: [...]}`. */
export const TatqaFileSchema = z.array(DocumentSchema);

/** One document: a table and its paragraphs. */
export interface TatqaDocument {
  /** 1-based position in the file; the corpus title is `Report <index>`. */
  index: number;
  title: string;
  tableUid: string;
  /** Rows of cells as in the file (the first row is the header). */
  table: string[][];
  /** Paragraph texts sorted by `order`. */
  paragraphs: string[];
}

/** One question, flattened out of its document. */
export interface TatqaQuestion {
  uid: string;
  /** The document's 1-based index and title. */
  doc: number;
  docTitle: string;
  question: string;
  answerType: AnswerType;
  answerFrom: AnswerFrom;
  scale: TatqaScale;
  derivation: string;
  /** Gold spans (span, multi-span). */
  spans: string[];
  /** Gold number (arithmetic, count), as written in the file. */
  number: { value: number; text: string } | null;
}

/** A loaded dataset: the documents (for the corpus) and every question in file order. */
export interface TatqaDataset {
  file: string;
  documents: TatqaDocument[];
  questions: TatqaQuestion[];
}

const bad = datasetError;

const pathText = (path: ReadonlyArray<PropertyKey>) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '') || '(root)';

/** Names the document (and question uid) an issue is in, so the message can be found in a large file. */
function locate(json: unknown, path: ReadonlyArray<PropertyKey>): string {
  const d = typeof path[0] === 'number' ? path[0] : undefined;
  if (d === undefined || !Array.isArray(json)) return '';
  const doc = json[d] as { questions?: Array<{ uid?: unknown }> } | undefined;
  const qi = path[1] === 'questions' && typeof path[2] === 'number' ? path[2] : undefined;
  const uid = qi !== undefined && Array.isArray(doc?.questions) ? doc.questions[qi]?.uid : undefined;
  return ` (document ${d + 1}${typeof uid === 'string' ? `, question ${JSON.stringify(uid)}` : ''})`;
}

/** A number written as a JSON number or a numeric string (`"-12.6"`, `"1,234"`); null when it is not one. */
export function readGoldNumber(answer: string | number): { value: number; text: string } | null {
  if (typeof answer === 'number') return Number.isFinite(answer) ? { value: answer, text: String(answer) } : null;
  const text = answer.trim().replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  return { value: Number(text), text: text.replace(/^\+/, '') };
}

/**
 * Validates parsed TAT-QA JSON and flattens it: documents get 1-based indices and the title `Report <n>`,
 * paragraphs are sorted by `order`, and each question gets its gold spans or gold number.
 * @throws AppError('bad_request') naming the file and the first malformed field (with its document and
 *   question uid), a duplicate question uid, a span answer that is not a list of strings, or an
 *   arithmetic/count answer that is not a number.
 */
export function parseTatqa(json: unknown, file: string): TatqaDataset {
  const parsed = TatqaFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(
      file,
      `not a TAT-QA file (${issue ? `${pathText(issue.path)}${locate(json, issue.path)}: ${issue.message}` : 'invalid'})`,
    );
  }
  const seen = new Set<string>();
  const documents: TatqaDocument[] = [];
  const questions: TatqaQuestion[] = [];
  parsed.data.forEach((d, di) => {
    const index = di + 1;
    const title = `Report ${index}`;
    const paragraphs = [...d.paragraphs].sort((a, b) => a.order - b.order).map((p) => p.text);
    documents.push({ index, title, tableUid: d.table.uid, table: d.table.table, paragraphs });
    d.questions.forEach((q, qi) => {
      const where = `[${di}].questions[${qi}] (document ${index}, question ${JSON.stringify(q.uid)})`;
      if (seen.has(q.uid)) throw bad(file, `${where}: duplicate question uid`);
      seen.add(q.uid);
      if (!q.question.trim()) throw bad(file, `${where}: empty question`);
      let spans: string[] = [];
      let number: TatqaQuestion['number'] = null;
      if (q.answer_type === 'span' || q.answer_type === 'multi-span') {
        if (!Array.isArray(q.answer) || !q.answer.some((s) => s.trim()))
          throw bad(file, `${where}.answer: a ${q.answer_type} answer must be a non-empty list of strings`);
        spans = q.answer;
      } else {
        number = Array.isArray(q.answer) ? null : readGoldNumber(q.answer);
        if (!number)
          throw bad(
            file,
            `${where}.answer: ${q.answer_type === 'count' ? 'a count' : 'an arithmetic'} answer must be a number, got ${JSON.stringify(q.answer)}`,
          );
      }
      questions.push({
        uid: q.uid,
        doc: index,
        docTitle: title,
        question: q.question,
        answerType: q.answer_type,
        answerFrom: q.answer_from,
        scale: q.scale,
        derivation: q.derivation,
        spans,
        number,
      });
    });
  });
  if (!questions.length) throw bad(file, 'has no questions');
  return { file, documents, questions };
}

/** Reads and parses a TAT-QA JSON file; unreadable, non-JSON or malformed files are AppError('bad_request'). */
export async function loadTatqa(file: string): Promise<TatqaDataset> {
  return parseTatqa(await readJsonFile(file), file);
}
