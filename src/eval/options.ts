/** Datasets that `--dataset` reads. */
export const DATASETS = ['squad2', 'tatqa'] as const;

/** A dataset name accepted by `--dataset`. */
export type DatasetName = (typeof DATASETS)[number];

/** `--scope` of `--dataset tatqa`: one corpus per document (default), or one corpus of all documents. */
export const SCOPES = ['document', 'corpus'] as const;
export type DatasetScope = (typeof SCOPES)[number];

/** What an eval run does: the parsed command line of `npm run eval` (see `src/cli/eval-args.ts`). */
export interface EvalOptions {
  suites: string[];
  /** `--dataset NAME FILE`: score a dataset instead of suites. */
  dataset?: { name: DatasetName; file: string };
  /** Questions sampled from the dataset (seeded shuffle). */
  limit?: number;
  seed?: number;
  /** Corpus of the in-process app for suites (temporary DATA_DIR). */
  corpus?: string;
  /** Write the dataset's corpus to this directory and exit. */
  writeCorpus?: string;
  /** `--dataset tatqa`: one corpus per document or one of all documents (unset: per document, or corpus with --url). */
  scope?: DatasetScope;
  url?: string;
  json?: string;
  junit?: string;
  html?: string;
  baseline?: string;
  minPass?: number;
  concurrency: number;
  tags: string[];
  help: boolean;
}
