import pc from 'picocolors';
import { ChatRequestSchema, type ChatResponse } from '../answer/schema.js';
import { createServices } from '../composition/services.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { parseCli } from './args.js';
import { runMain } from './run-main.js';

const USAGE = 'usage: npm run ask -- "question" [-k 5] [--json]';

const STATUS_COLOR: Record<string, (s: string) => string> = {
  verified: pc.green,
  computed: pc.cyan,
  approximate: pc.yellow,
  mismatch: pc.red,
  unverified: pc.red,
};

await runMain(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { k: { type: 'string', short: 'k', default: '5' }, json: { type: 'boolean', default: false } },
    USAGE,
  );
  const parsed = ChatRequestSchema.safeParse({ question: positionals.join(' '), k: Number(values.k) });
  if (!parsed.success)
    throw new AppError(
      'bad_request',
      `${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`,
    );
  const config = loadConfig();
  const { kb, chat, close } = await createServices(config, createLogger({ logLevel: 'warn' }));
  await kb.open();
  const response = await chat.answer(parsed.data).finally(close);
  if (values.json) return void console.log(JSON.stringify(response, null, 2));
  print(response);
});

function print(r: ChatResponse): void {
  console.log(`\n${r.answer.replace(/\[(\d+)\]/g, (m) => pc.bold(pc.cyan(m)))}\n`);
  if (r.notice) console.log(pc.yellow(`note: ${r.notice}\n`));
  if (r.citations.length) {
    console.log(pc.bold('Sources'));
    for (const c of r.citations) {
      console.log(`  ${pc.cyan(`[${c.n}]`)} ${c.title}${c.speaker ? pc.dim(` — ${c.speaker}`) : ''}`);
      console.log(pc.dim(`      “${c.quote}” (${c.docId} ${c.start}–${c.end})`));
    }
  }
  if (r.abstained && r.related?.length) {
    console.log(pc.bold('Related passages'));
    for (const p of r.related.slice(0, 3)) console.log(pc.dim(`  - ${p.speaker ?? p.title}: ${p.text.slice(0, 160)}…`));
  }
  if (r.checks.length) {
    console.log(pc.bold('\nChecks'));
    for (const c of r.checks) {
      const color = STATUS_COLOR[c.status] ?? ((s: string) => s);
      const stated = c.status === 'computed' ? '' : c.claim ? pc.dim(`  (text: ${c.claim})`) : '';
      console.log(
        `  ${color(c.status.padEnd(11))} ${c.op.padEnd(20)} ${c.display ?? ''}${c.formula ? pc.dim(` = ${c.formula}`) : ''}${stated}`,
      );
    }
  }
  console.log(pc.dim(`\n${r.mode} · retrieve ${r.timings.retrieveMs} ms · answer ${r.timings.answerMs} ms`));
}
