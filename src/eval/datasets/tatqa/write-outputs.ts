import type { OutputPaths } from '../../reports/write-outputs.js';
import { writeReportFile } from '../../reports/write-outputs.js';
import { toTatqaHtmlReport } from './html-report.js';
import { toTatqaJUnitXml } from './junit.js';
import type { TatqaReport } from './types.js';

/** Writes the requested JSON, JUnit and HTML reports of a TAT-QA run; returns the paths written. */
export async function writeTatqaOutputs(report: TatqaReport, paths: OutputPaths, subtitle?: string): Promise<string[]> {
  const jobs: Array<Promise<string>> = [];
  if (paths.json) jobs.push(writeReportFile(paths.json, `${JSON.stringify(report, null, 2)}\n`));
  if (paths.junit) jobs.push(writeReportFile(paths.junit, toTatqaJUnitXml(report.questions)));
  if (paths.html) jobs.push(writeReportFile(paths.html, toTatqaHtmlReport(report, subtitle ? { subtitle } : {})));
  return Promise.all(jobs);
}
