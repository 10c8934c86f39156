/** Token F1 of two bags of tokens (SQuAD's and TAT-QA's span F1); when either is empty, 1 if both are, else 0. */
export function tokenF1(pred: readonly string[], gold: readonly string[]): number {
  if (!pred.length || !gold.length) return pred.length === gold.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of gold) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of pred) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(t, left - 1);
    }
  }
  if (!common) return 0;
  const precision = common / pred.length;
  const recall = common / gold.length;
  return (2 * precision * recall) / (precision + recall);
}
