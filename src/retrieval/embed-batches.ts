import type { RetrievalEmbedder } from './embedder.js';

/** Lets queued requests run between batches, so a background rebuild does not stall a live server. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Receives consecutive embedding rows: `rows` holds `rows.length / dimension` vectors starting at text `start`. */
export type EmbeddingSink = (start: number, rows: Float32Array, dimension: number) => void;

/**
 * Embeds `texts` batch by batch (so remote embedders never hold every vector as JS arrays)
 * and hands each batch to `sink` in order. Resolves with the dimension, taken from the embedder
 * or from the first vector returned (a probe query when there are no texts).
 */
export async function embedInBatches(
  embedder: RetrievalEmbedder,
  texts: readonly string[],
  sink: EmbeddingSink,
  batchSize = 1024,
): Promise<number> {
  let dimension = embedder.dimension ?? 0;
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    let rows: Float32Array;
    if (embedder.embedMatrix) {
      rows = embedder.embedMatrix(batch);
      dimension ||= rows.length / batch.length;
    } else {
      const arrays = await embedder.embedDocuments(batch);
      if (arrays.length !== batch.length)
        throw new Error(`Embedder returned ${arrays.length} vectors for ${batch.length} texts`);
      dimension ||= arrays[0]!.length;
      rows = new Float32Array(batch.length * dimension);
      arrays.forEach((v, i) => {
        if (v.length !== dimension) throw new Error(`Embedder returned a ${v.length}-d vector, expected ${dimension}`);
        rows.set(v, i * dimension);
      });
    }
    if (rows.length !== batch.length * dimension) throw new Error('Embedder returned vectors of an unexpected size');
    sink(start, rows, dimension);
    await yieldToEventLoop();
  }
  if (dimension === 0) dimension = (await embedder.embedQuery('dimension probe')).length;
  return dimension;
}
