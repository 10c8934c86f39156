/** What an evidence sentence is weighed by for a question; values are 0..1 unless said. */
export const SENTENCE_FEATURES = [
  /** IDF-weighted share of the question's terms the sentence has (related terms count 0.6). */
  'coverage',
  /** Pairs of the question's words found as pairs in the sentence, up to three, as a share of three. */
  'phrases',
  /** 1 / (1 + the rank of the sentence's passage in retrieval). */
  'rankPrior',
  /** Share of the question's years the sentence mentions. */
  'years',
  /** The sentence gives one of the question's numbers. */
  'numbers',
  /** The question names a speaker and this is their passage. */
  'namedSpeaker',
  /** The question names a speaker and this is someone else's passage. */
  'otherSpeaker',
  /** The question asks for the first, second... point and the sentence opens with it. */
  'ordinal',
  /** A quantity is asked for and the sentence gives a figure. */
  'quantityFigure',
  /**
   * The question asks a measure of some physical dimension ("how heavy") and the sentence gives a figure in its unit
   * ("1.1 kg"); money is left out, as reports give amounts in most sentences.
   */
  'dimensionFigure',
  /** A quantity is asked for and the sentence gives none. */
  'quantityNoFigure',
  /**
   * The question asks how to do something ("How do I apply?", "how to descale") and the sentence says what to do for
   * it ("To apply, send a CV …").
   */
  'purpose',
  /**
   * A reason or cause is asked for ("Why …", "What caused …") and the sentence states one ("because", "so that", "due
   * to", "as a result of").
   */
  'reasonGiven',
  /** A list is asked for and the sentence enumerates. */
  'listLike',
  /**
   * The role a "who" question asks to fill ("who is the curator of …") is in the sentence, or a form derived from it
   * ("curated by").
   */
  'roleWord',
  /** The question asks for a phone number, email address or website and the sentence writes one. */
  'contactGiven',
] as const;

/** One sentence feature's name. */
export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];
