import type { KnowledgeBaseOptions } from './knowledge-base-types.js';
import type { ReindexRun } from './reindex-tracker.js';

/**
 * Logs that background rebuild `run` started and, once it ends, how (a failure as an error, the
 * previous build `previous` still being served), counting the outcome in `metrics`.
 */
export function reportReindex(
  run: ReindexRun,
  previous: string | undefined,
  { logger: log, metrics }: Pick<KnowledgeBaseOptions, 'logger' | 'metrics'>,
): void {
  log?.info({ reindexId: run.report.id, buildId: previous }, 'reindex started');
  void run.done.then((report) => {
    metrics?.recordReindex(report.state === 'succeeded' ? 'succeeded' : 'failed');
    if (report.state === 'succeeded') {
      log?.info(
        { reindexId: report.id, buildId: report.buildId, previousBuildId: previous, ms: report.ms },
        'reindex finished',
      );
      return;
    }
    const failure = { reindexId: report.id, err: report.error, buildId: previous };
    if (log?.error) log.error(failure, 'reindex failed; still serving the previous build');
    else log?.warn(failure, 'reindex failed; still serving the previous build');
  });
}
