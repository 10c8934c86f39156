import type { TableRowRef } from '../answer/schema.js';

export type {
  ChatResponse,
  Check,
  CheckStatus,
  Citation,
  HistoryTurn,
  RelatedPassage,
  TableRowRef,
} from '../answer/schema.js';

/** One passage of a document as `GET /api/documents/:docId` lists it. */
export interface DocumentPassage {
  chunkId: string;
  ordinal: number;
  section: string | null;
  speaker: string | null;
  start: number;
  end: number;
}

/** Body of `GET /api/documents/:docId`. */
export interface DocumentView {
  docId: string;
  title: string;
  source: string | null;
  date: string | null;
  text: string;
  passages: DocumentPassage[];
}

/** What the passage view shows: a span of a document, highlighted when it is a quote. */
export interface PassageTarget {
  docId: string;
  title: string;
  section: string | null;
  speaker: string | null;
  start: number;
  end: number;
  /** Mark `[start, end)` (a cited quote) rather than show a whole related passage plainly. */
  highlight: boolean;
  /** The table the quote is a row of: shown as a small table instead of its pipe text. */
  table?: TableRowRef | undefined;
}
