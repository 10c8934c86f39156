import type { SourceDocument } from '../types.js';

/** A file that was skipped or only partly understood while loading the corpus. */
export interface IngestWarning {
  /** Path relative to the corpus directory. */
  file: string;
  message: string;
}

/** What a format loader extracts from one file; the corpus loader adds id, path and format. */
export interface ExtractedDocument {
  /** Undefined when the file offers no title; the corpus loader then uses the file name. */
  title: string | undefined;
  text: string;
  source?: string | undefined;
  date?: string | undefined;
  language?: string | undefined;
  interviewer?: string | undefined;
}

/** Options for {@link loadCorpus}. */
export interface LoadCorpusOptions {
  /** Called for each warning as it happens, in addition to collecting it. */
  onWarning?: (warning: IngestWarning) => void;
  /** Corpus-relative paths that are not documents (generated data files) and are skipped silently. */
  ignore?: readonly string[];
}

/** Result of {@link loadCorpus}. */
export interface LoadCorpusResult {
  docs: SourceDocument[];
  warnings: IngestWarning[];
}
