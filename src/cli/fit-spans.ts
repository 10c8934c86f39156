import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPAN_FEATURES, type SpanFeature } from '../answer/grounding/span-features.js';
import { SPAN_WEIGHTS } from '../answer/grounding/span-weights.js';
import { AppError } from '../errors.js';
import { loadSquad } from '../eval/datasets/squad/dataset.js';
import { fitSoftmaxRanker, meanGain, type RankingGroup } from '../eval/fit/softmax-ranker.js';
import { type SpanExample, spanExamples } from '../eval/fit/span-examples.js';
import { parseCli } from './args.js';
import { runMain } from './run-main.js';

const USAGE =
  'usage: npm run fit:spans -- SQUAD_FILE --train Title,Title,... [--epochs 300] [--l2 0.001] [--write [--out FILE]]';
const WEIGHTS_FILE = fileURLToPath(new URL('../answer/grounding/span-weights.ts', import.meta.url));

/** The weights module, with the command and figures that produced it. */
function weightsModule(named: Record<SpanFeature, number>, command: string, figures: string): string {
  const lines = SPAN_FEATURES.map((f) => `  ${f}: ${named[f]},`).join('\n');
  return `import type { SpanFeature } from './span-features.js';

/**
 * Weights of the span features (see \`SPAN_FEATURES\`): a candidate's score is their weighted sum, and the
 * best-scoring span is the short answer. Fitted, not hand-set, by
 * \`${command}\`
 * (a softmax over each question's candidates in the sentence holding its gold answer, on the training articles).
 * Mean F1 of the picked span on those sentences: ${figures}.
 */
export const SPAN_WEIGHTS: Record<SpanFeature, number> = {
${lines}
};
`;
}

const toGroups = (xs: readonly SpanExample[]): RankingGroup[] =>
  xs.map((x) => ({ features: x.candidates.map((c) => SPAN_FEATURES.map((f) => c.features[f])), gains: x.gains }));

await runMain(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      train: { type: 'string' },
      epochs: { type: 'string', default: '300' },
      l2: { type: 'string', default: '0.001' },
      write: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    USAGE,
  );
  const file = positionals[0];
  if (!file || !values.train) throw new AppError('bad_request', USAGE);
  const epochs = Number(values.epochs);
  const l2 = Number(values.l2);
  if (!Number.isInteger(epochs) || epochs < 1 || !(l2 >= 0))
    throw new AppError('bad_request', `--epochs takes a whole number from 1, --l2 a number from 0\n${USAGE}`);
  const train = new Set(values.train.split(',').map((t) => t.trim()));
  const ds = await loadSquad(file);
  const unknown = [...train].filter((t) => !ds.articles.some((a) => a.title === t));
  if (unknown.length) throw new AppError('bad_request', `--train: no article titled ${unknown.join(', ')} in ${file}`);
  const all = spanExamples(ds);
  const fit = toGroups(all.filter((x) => train.has(x.article)));
  const held = toGroups(all.filter((x) => !train.has(x.article)));
  const current = SPAN_FEATURES.map((f) => SPAN_WEIGHTS[f]);
  const weights = fitSoftmaxRanker(fit, SPAN_FEATURES.length, {
    epochs,
    l2,
  });
  const pct = (x: number) => (100 * x).toFixed(1);
  const before = [meanGain(current, fit), meanGain(current, held)].map(pct);
  const after = [meanGain(weights, fit), meanGain(weights, held)].map(pct);
  console.log(`span F1 on the gold sentence   training (${fit.length})   held out (${held.length})`);
  console.log(`  current weights             ${before[0]!.padStart(13)}   ${before[1]!.padStart(14)}`);
  console.log(`  fitted weights              ${after[0]!.padStart(13)}   ${after[1]!.padStart(14)}`);
  const oracle = [fit, held].map((gs) => pct(gs.reduce((a, g) => a + Math.max(0, ...g.gains), 0) / (gs.length || 1)));
  console.log(`  best candidate              ${oracle[0]!.padStart(13)}   ${oracle[1]!.padStart(14)}`);
  const named = Object.fromEntries(SPAN_FEATURES.map((f, i) => [f, Number(weights[i]!.toFixed(3))])) as Record<
    SpanFeature,
    number
  >;
  if (!values.write) return void console.log(JSON.stringify(named, null, 2));
  const command = `npm run fit:spans -- ${path.basename(file)} --train ${[...train].join(',')} --epochs ${values.epochs} --l2 ${values.l2} --write`;
  const figures = `training articles ${after[0]}, the other articles ${after[1]} (old weights ${before[0]} and ${before[1]})`;
  const target = values.out ? path.resolve(values.out) : WEIGHTS_FILE;
  const temp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temp, weightsModule(named, command, figures));
  await fs.rename(temp, target);
  console.log(`wrote ${target}`);
});
