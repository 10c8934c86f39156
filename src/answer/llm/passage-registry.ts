import type { SearchHit } from '../../retrieval/retriever.js';
import type { Chunk } from '../../types.js';
import type { PromptLibrary } from './prompts.js';

/** A passage shown to the model under a stable number. */
export interface NumberedPassage {
  n: number;
  hit: SearchHit;
}

/**
 * Numbers every passage the model sees, in the order it first sees them: the initial
 * passages 1..k, then new passages from each search. A passage seen again keeps its number.
 */
export class PassageRegistry {
  private readonly byChunk = new Map<string, NumberedPassage>();
  private readonly list: NumberedPassage[] = [];

  /** Registers hits (first score wins) and returns them with their numbers, in hit order. */
  add(hits: readonly SearchHit[]): NumberedPassage[] {
    return hits.map((hit) => {
      let entry = this.byChunk.get(hit.chunk.id);
      if (!entry) {
        entry = { n: this.list.length + 1, hit };
        this.byChunk.set(hit.chunk.id, entry);
        this.list.push(entry);
      }
      return entry;
    });
  }

  has(n: number): boolean {
    return Number.isInteger(n) && n >= 1 && n <= this.list.length;
  }

  get(n: number): NumberedPassage | undefined {
    return this.has(n) ? this.list[n - 1] : undefined;
  }

  all(): readonly NumberedPassage[] {
    return this.list;
  }
}

/**
 * Escapes text placed inside the delimited data blocks (`&`, `<`, `>` and, for attributes,
 * quotes), so passage or user text cannot close or forge a delimiter.
 */
export function escapeData(text: string, attribute = false): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/[\r\n]+/g, ' ') : escaped;
}

/**
 * Renders passages as one `<passages>` block of `<passage n=...>` elements; passages whose
 * number is in `shown` are given as a short reference instead of their text again. `textOf` gives a
 * passage's text (by default the chunk's own; table rows get their headers and units).
 */
export async function renderPassages(
  prompts: PromptLibrary,
  entries: readonly NumberedPassage[],
  shown: ReadonlySet<number> = new Set(),
  textOf: (chunk: Chunk) => string = (chunk) => chunk.text,
): Promise<string> {
  const items = await Promise.all(
    entries.map(({ n, hit: { chunk } }) => {
      const doc = escapeData(chunk.docId, true);
      const speaker = escapeData(chunk.speaker ?? '', true);
      if (shown.has(n)) return prompts.render('passage-seen', { n, doc, speaker });
      const title = escapeData(chunk.title, true);
      const section = escapeData(chunk.section ?? '', true);
      return prompts.render('passage', { n, doc, title, speaker, section, text: escapeData(textOf(chunk)) });
    }),
  );
  return prompts.render('passages', { items: items.join('\n') });
}
