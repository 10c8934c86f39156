import { type BuildInput, runBuild } from './build.js';
import { runSweep, type SweepInput } from './hnsw-sweep.js';
import { runServe, type ServeInput } from './serve.js';

/** A job for the child process. */
export type ChildTask =
  | { task: 'build'; input: BuildInput }
  | { task: 'serve'; input: ServeInput }
  | { task: 'sweep'; input: SweepInput };

const send = (msg: unknown) =>
  new Promise<void>((resolve) => (process.send ? process.send(msg, () => resolve()) : resolve()));

process.once('message', (msg: ChildTask) => {
  const label = msg.task === 'serve' ? 'serve' : `${msg.task} ${msg.input.chunks}`;
  const log = (line: string) => process.stderr.write(`  [${label}] ${line}\n`);
  const run =
    msg.task === 'build'
      ? runBuild(msg.input, log)
      : msg.task === 'serve'
        ? runServe(msg.input, log)
        : runSweep(msg.input, log);
  run
    .then((result) => send({ result }))
    .catch((err: unknown) => send({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
    .finally(() => process.disconnect());
});
