import type { OutputPaths } from '../../reports/write-outputs.js';
import { writeReportFile } from '../../reports/write-outputs.js';
import { toSquadHtmlReport } from './html-report.js';
import { toSquadJUnitXml } from './junit.js';
import type { SquadReport } from './types.js';

/** Writes the requested JSON, JUnit and HTML reports of a SQuAD run; returns the paths written. */
export async function writeSquadOutputs(report: SquadReport, paths: OutputPaths, subtitle?: string): Promise<string[]> {
  const jobs: Array<Promise<string>> = [];
  if (paths.json) jobs.push(writeReportFile(paths.json, `${JSON.stringify(report, null, 2)}\n`));
  if (paths.junit) jobs.push(writeReportFile(paths.junit, toSquadJUnitXml(report.questions)));
  if (paths.html) jobs.push(writeReportFile(paths.html, toSquadHtmlReport(report, subtitle ? { subtitle } : {})));
  return Promise.all(jobs);
}
