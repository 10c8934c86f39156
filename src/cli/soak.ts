import { writeFile } from 'node:fs/promises';
import pc from 'picocolors';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { renderSoakReport } from '../soak/report.js';
import { runSoak } from '../soak/run-soak.js';
import { parseCli } from './args.js';
import { runMain } from './run-main.js';

const USAGE =
  'usage: npm run soak -- [--duration 60] [--connections 100] [--json out.json]   (loopback only; exits 1 on any error)';

const bounded = (v: string | undefined, name: string, min: number, max: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError('bad_request', `--${name} must be an integer from ${min} to ${max}\n${USAGE}`);
  return n;
};

await runMain(async () => {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '100' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) return void console.log(USAGE);
  const durationSec = bounded(values.duration, 'duration', 1, 3600);
  const connections = bounded(values.connections, 'connections', 2, 1000);
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const result = await runSoak({
    config,
    logger,
    durationSec,
    connections,
    log: (line) => process.stderr.write(`${pc.dim(line)}\n`),
  });
  console.log(renderSoakReport(result));
  if (values.json) await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`);
  if (result.failures > 0) process.exitCode = 1;
});
