/** A span of a tagged sentence that may answer a question, by token indexes (inclusive). */
export interface Candidate {
  first: number;
  last: number;
  kind: 'date' | 'number' | 'name' | 'phrase';
  /** Only the words before a noun the question has ("rounded" of "rounded arches" for "what kind of arches"). */
  modifier?: boolean;
  /** The whole text between quotation marks ("new converts"), kept as written. */
  quoted?: boolean;
  /** Two numbers of a tally ("13 votes to 8"), which answers what a vote or a match was, not a count. */
  tally?: boolean;
}
