/** A document loaded from the corpus; `text` is what offsets refer to. */
export interface SourceDocument {
  docId: string;
  title: string;
  /** Path relative to the corpus directory. */
  path: string;
  format: 'md' | 'txt' | 'html' | 'pdf';
  source?: string | undefined;
  date?: string | undefined;
  language?: string | undefined;
  /** Speaker label whose turns are questions (for interviews). */
  interviewer?: string | undefined;
  text: string;
}

/** A retrievable passage: `doc.text.slice(start, end) === text`. */
export interface Chunk {
  /** Stable content hash. */
  id: string;
  docId: string;
  title: string;
  /** Heading or interviewer question the passage sits under. */
  section: string | null;
  speaker: string | null;
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

/** A sentence span inside a document. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}
