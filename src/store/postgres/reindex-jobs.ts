import type { ReindexReport } from '../../retrieval/reindex-tracker.js';
import type { Queryable } from './sql.js';

interface JobRow {
  id: string;
  state: ReindexReport['state'];
  started_at: Date | string;
  finished_at: Date | string | null;
  previous_build_id: string | null;
  build_id: string | null;
  error: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toReport(r: JobRow): ReindexReport {
  const report: ReindexReport = { id: r.id, state: r.state, startedAt: iso(r.started_at) };
  if (r.finished_at) {
    report.finishedAt = iso(r.finished_at);
    report.ms = Math.max(0, Date.parse(report.finishedAt) - Date.parse(report.startedAt));
  }
  if (r.previous_build_id) report.previousBuildId = r.previous_build_id;
  if (r.build_id) report.buildId = r.build_id;
  if (r.error) report.error = r.error;
  return report;
}

/** Inserts or updates the row of `report`, run by `replica`. */
export async function recordJob(db: Queryable, report: ReindexReport, replica: string): Promise<void> {
  await db.query(
    `INSERT INTO reindex_jobs (id, state, replica, started_at, finished_at, previous_build_id, build_id, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, finished_at = EXCLUDED.finished_at,
       build_id = EXCLUDED.build_id, error = EXCLUDED.error`,
    [
      report.id,
      report.state,
      replica,
      report.startedAt,
      report.finishedAt ?? null,
      report.previousBuildId ?? null,
      report.buildId ?? null,
      report.error ?? null,
    ],
  );
}

/** The newest job still marked running. */
export async function runningJob(db: Queryable): Promise<ReindexReport | undefined> {
  const { rows } = await db.query<JobRow>(
    "SELECT * FROM reindex_jobs WHERE state = 'running' ORDER BY started_at DESC LIMIT 1",
  );
  return rows[0] ? toReport(rows[0]) : undefined;
}

/** Job `id`. */
export async function jobById(db: Queryable, id: string): Promise<ReindexReport | undefined> {
  const { rows } = await db.query<JobRow>('SELECT * FROM reindex_jobs WHERE id = $1', [id]);
  return rows[0] ? toReport(rows[0]) : undefined;
}

/** Closes every job still marked running as failed: called by the lock holder, so none of them can still be running. */
export async function closeAbandonedJobs(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    "UPDATE reindex_jobs SET state = 'failed', finished_at = now(), error = 'the replica running it stopped before it finished' WHERE state = 'running'",
  );
  return rowCount ?? 0;
}
