export {
  CHUNKER_VERSION,
  type ChunkOptions,
  chunkDocument,
  chunkId,
  countWords,
  DEFAULT_CHUNK_OPTIONS,
} from './chunker.js';
export { INDICATORS_FILE, loadCorpus, MAX_FILE_BYTES } from './load-corpus.js';
export { loadHtml } from './load-html.js';
export { loadMarkdown } from './load-markdown.js';
export { loadPdf } from './load-pdf.js';
export { loadText } from './load-text.js';
export { splitSentences } from './sentences.js';
export { docIdFromPath } from './slug.js';
export { matchSpeakerLabel, type SpeakerLabel } from './speaker-label.js';
export { type Line, type Paragraph, type ParagraphKind, parseStructure, splitLines } from './structure.js';
export type { ExtractedDocument, IngestWarning, LoadCorpusOptions, LoadCorpusResult } from './types.js';
