import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { createServices } from '../composition/services.js';
import { loadConfig } from '../config.js';
import { buildIndicators } from '../indicators/indicators.js';
import { INDICATORS_FILE } from '../ingest/index.js';
import { createLogger } from '../logger.js';
import { parseCli } from './args.js';
import { runMain } from './run-main.js';

const USAGE = 'usage: npm run ingest -- [--force]   (rebuilds the index when the corpus changed; --force always)';

await runMain(async () => {
  const { values } = parseCli(
    process.argv.slice(2),
    { force: { type: 'boolean', default: false }, help: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) return void console.log(USAGE);
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const { kb, close } = await createServices(config, logger);
  const spinner = startSpinner(`indexing ${config.corpusDir}`);
  const result = await kb.ingest({ force: values.force }).finally(async () => {
    spinner.stop();
    await close();
  });
  const { snapshot } = result;

  const indicators = buildIndicators(snapshot.docs, snapshot.chunks);
  const file = path.join(config.corpusDir, INDICATORS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ generatedFrom: snapshot.corpusHash, indicators }, null, 2)}\n`);
  await rename(tmp, file);

  for (const w of snapshot.warnings) console.log(`${pc.yellow('skipped')} ${w.file}: ${w.message}`);
  console.log(
    `${pc.green(result.rebuilt ? 'built' : 'up to date')} ${snapshot.docs.length} docs, ${snapshot.chunks.length} chunks, ` +
      `${indicators.length} indicators in ${Math.round(result.ms)} ms (build ${snapshot.buildId})` +
      (result.reason && result.rebuilt ? pc.dim(`\n  reason: ${result.reason}`) : ''),
  );
  console.log(
    pc.dim(
      `  index: ${config.database ? 'the PostgreSQL database (DATABASE_URL)' : config.dataDir}  indicators: ${path.relative(process.cwd(), file)}`,
    ),
  );
});

/** A one-line progress spinner on a TTY (silent otherwise). */
function startSpinner(label: string): { stop(): void } {
  if (!process.stderr.isTTY) return { stop() {} };
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  const started = Date.now();
  let i = 0;
  const timer = setInterval(() => {
    process.stderr.write(`\r${frames[i++ % frames.length]} ${label} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      process.stderr.write('\r\x1b[2K');
    },
  };
}
