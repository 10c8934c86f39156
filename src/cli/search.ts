import pc from 'picocolors';
import { createServices } from '../composition/services.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { parseCli } from './args.js';
import { runMain } from './run-main.js';

const USAGE = 'usage: npm run search -- "query" [-k 5]';

await runMain(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { k: { type: 'string', short: 'k', default: '5' } },
    USAGE,
  );
  const query = positionals.join(' ').trim();
  const k = Number(values.k);
  if (!query) throw new AppError('bad_request', `a query is required\n${USAGE}`);
  if (!Number.isInteger(k) || k < 1 || k > 50)
    throw new AppError('bad_request', `-k must be an integer from 1 to 50\n${USAGE}`);
  const config = loadConfig();
  const { kb, close } = await createServices(config, createLogger({ logLevel: 'warn' }));
  const hits = await kb
    .open()
    .then(({ snapshot }) => snapshot.retriever.search(query, { k }))
    .finally(close);
  hits.forEach((h, i) => {
    const c = h.chunk;
    const who = [c.speaker, c.section].filter(Boolean).join(' · ');
    console.log(`${pc.bold(`${i + 1}.`)} ${pc.cyan(c.title)}${who ? pc.dim(` — ${who}`) : ''}`);
    console.log(
      pc.dim(
        `   score ${h.score.toFixed(4)} (vector ${h.scores.vector?.toFixed(3) ?? '-'}, bm25 ${h.scores.bm25?.toFixed(3) ?? '-'})  ${c.docId} [${c.start}, ${c.end})`,
      ),
    );
    console.log(`   ${c.text.length > 400 ? `${c.text.slice(0, 400)}…` : c.text}\n`);
  });
});
