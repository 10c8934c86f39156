import path from 'node:path';
import { buildWidgetFile, WIDGET_BUNDLE_FILE } from '../http/widget-bundle.js';
import { runMain } from './run-main.js';

await runMain(async () => {
  const started = performance.now();
  await buildWidgetFile();
  console.log(
    `built ${path.relative(process.cwd(), WIDGET_BUNDLE_FILE)} in ${Math.round(performance.now() - started)} ms`,
  );
});
