import { findMarkers, type MarkerNumbering, normalizeDigits } from '../grounding/markers.js';

/** Trailing text that may still turn into (or precede) a marker: whitespace and an unfinished `[12, 3`. */
const UNDECIDED_TAIL = /\s*(?:\[\d[\d\s,;–-]*|\[)?$/;

/**
 * Rewrites `[n]` markers in streamed text the way {@link verifyAnswer} rewrites the whole
 * answer (first-use renumbering, unresolvable markers dropped with the space before them),
 * holding back only an unfinished marker or trailing whitespace. Leading and trailing
 * whitespace are dropped, so the emitted pieces join to the verified answer.
 */
export class MarkerStream {
  private pending = '';
  private started = false;

  constructor(
    private readonly numbering: MarkerNumbering,
    private readonly emit: (text: string) => void,
  ) {}

  /** Adds a piece of model output. */
  push(text: string): void {
    this.pending += text;
    let out = '';
    let last = 0;
    for (const m of findMarkers(this.pending)) {
      out += this.pending.slice(last, m.index) + this.numbering.replace(m.space, m.inner);
      last = m.end;
    }
    const rest = this.pending.slice(last);
    const hold = UNDECIDED_TAIL.exec(normalizeDigits(rest))?.index ?? rest.length;
    this.pending = rest.slice(hold);
    this.send(out + rest.slice(0, hold));
  }

  /** Flushes what is held back, without trailing whitespace. */
  end(): void {
    const rest = this.pending.replace(/\s+$/u, '');
    this.pending = '';
    this.send(rest);
  }

  /** Discards what is held back (the text turned out not to be the answer). */
  reset(): void {
    this.pending = '';
  }

  private send(text: string): void {
    const out = this.started ? text : text.replace(/^\s+/u, '');
    if (!out) return;
    this.started = true;
    this.emit(out);
  }
}
