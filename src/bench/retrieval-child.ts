import { runBuild, type BuildInput } from './retrieval-build.js';
import { runServe, type ServeInput } from './retrieval-serve.js';

/** A job for the child process. */
export type ChildTask = { task: 'build'; input: BuildInput } | { task: 'serve'; input: ServeInput };

const send = (msg: unknown) => new Promise<void>((resolve) => (process.send ? process.send(msg, () => resolve()) : resolve()));

process.once('message', (msg: ChildTask) => {
  const label = msg.task === 'build' ? `build ${msg.input.chunks}` : 'serve';
  const log = (line: string) => process.stderr.write(`  [${label}] ${line}\n`);
  const run = msg.task === 'build' ? runBuild(msg.input, log) : runServe(msg.input, log);
  run
    .then((result) => send({ result }))
    .catch((err: unknown) => send({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
    .finally(() => process.disconnect());
});
