const WORD = /[\p{L}\p{N}]+/gu;

interface PromptIndex {
  /** Runs of `size` consecutive prompt words, lower-cased and space-joined. */
  runs: Set<string>;
  /** Every character prefix of every run: a tail that is one may still become a run. */
  prefixes: Set<string>;
}

const indexes = new Map<string, PromptIndex>();

/** The runs of `prompt`'s own wording (quoted examples left out), built once per prompt. */
function promptIndex(prompt: string, size: number): PromptIndex {
  const key = `${size}\u0000${prompt}`;
  let index = indexes.get(key);
  if (!index) {
    const words =
      prompt
        .replace(/"[^"\n]*"/g, ' ')
        .toLowerCase()
        .match(WORD) ?? [];
    index = { runs: new Set(), prefixes: new Set() };
    for (let i = 0; i + size <= words.length; i++) {
      const run = words.slice(i, i + size).join(' ');
      index.runs.add(run);
      for (let k = 1; k < run.length; k++) index.prefixes.add(run.slice(0, k));
    }
    if (indexes.size >= 8) indexes.clear();
    indexes.set(key, index);
  }
  return index;
}

/**
 * Sits between streamed model output and the client. Text whose tail could be the start of a run
 * of `size` consecutive system-prompt words is held back until it diverges, and once a whole run
 * appears nothing more is streamed, so a model that obeys an injected "reveal your instructions"
 * never streams its instructions. Ordinary text streams without delay. Only the token stream is
 * affected; the final answer is checked separately.
 */
export class EchoGuard {
  private readonly index: PromptIndex;
  private seen = '';
  private sent = 0;
  private checked = 0;
  private blocked = false;

  constructor(
    prompt: string,
    private readonly emit: (text: string) => void,
    private readonly size = 6,
  ) {
    this.index = promptIndex(prompt, size);
  }

  /** True once the stream repeated the prompt. */
  get tripped(): boolean {
    return this.blocked;
  }

  /** Adds streamed text and emits what can no longer become part of a run of the prompt. */
  push(text: string): void {
    if (this.blocked) return;
    this.seen += text;
    const matches = [...this.seen.matchAll(WORD)];
    const words = matches.map((m) => m[0].toLowerCase());
    if (this.repeats(words, false)) return;
    let hold = this.seen.length;
    for (let i = Math.max(0, words.length - this.size); i < words.length; i++) {
      if (this.index.prefixes.has(words.slice(i).join(' '))) {
        hold = matches[i]!.index;
        break;
      }
    }
    this.flush(hold);
  }

  /** The stream is complete: emits the rest unless it completes a run of the prompt. */
  end(): void {
    if (this.blocked) return;
    const words = (this.seen.toLowerCase().match(WORD) ?? []) as string[];
    if (!this.repeats(words, true)) this.flush(this.seen.length);
  }

  /** Forgets held-back text (the step turned out to be a tool call, not the answer). */
  reset(): void {
    this.seen = this.seen.slice(0, this.sent);
    this.checked = 0;
  }

  /** Checks runs not checked yet; the last word may still grow unless `final`. */
  private repeats(words: string[], final: boolean): boolean {
    const complete = final ? words.length : words.length - 1;
    for (let i = this.checked; i + this.size <= complete; i++) {
      if (this.index.runs.has(words.slice(i, i + this.size).join(' '))) {
        this.blocked = true;
        return true;
      }
    }
    this.checked = Math.max(this.checked, complete - this.size + 1);
    return false;
  }

  private flush(upTo: number): void {
    if (upTo <= this.sent) return;
    const out = this.seen.slice(this.sent, upTo);
    this.sent = upTo;
    this.emit(out);
  }
}
