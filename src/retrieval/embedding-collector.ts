/**
 * Gathers embedding batches (as {@link buildRetriever}'s `onEmbedded` hands them over) into one
 * row-major matrix, copying each batch before the graph builder takes ownership of it.
 */
export class EmbeddingCollector {
  private matrix: Float32Array | undefined;
  dimension = 0;

  constructor(private readonly count: number) {}

  /** Copies `rows` (vectors `start`, `start + 1`, ...) into place. */
  readonly add = (start: number, rows: Float32Array, dimension: number): void => {
    this.dimension = dimension;
    this.matrix ??= new Float32Array(this.count * dimension);
    this.matrix.set(rows, start * dimension);
  };

  /** Every row collected (empty before the first batch). */
  rows(): Float32Array {
    return this.matrix ?? new Float32Array(0);
  }
}
