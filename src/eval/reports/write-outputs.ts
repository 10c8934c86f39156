import fs from 'node:fs/promises';
import path from 'node:path';
import type { EvalReport } from '../suite/types.js';
import { toHtmlReport } from './html-report.js';
import { toJUnitXml } from './junit.js';

/** Where to write report files (each optional). */
export interface OutputPaths {
  json?: string;
  junit?: string;
  html?: string;
}

/** Writes `text` to `file`, creating its directory; returns the path. */
export async function writeReportFile(file: string, text: string): Promise<string> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, text, 'utf8');
  return file;
}

/** Writes the requested JSON, JUnit and HTML reports; returns the paths written. */
export async function writeOutputs(report: EvalReport, paths: OutputPaths, subtitle?: string): Promise<string[]> {
  const jobs: Array<Promise<string>> = [];
  if (paths.json) jobs.push(writeReportFile(paths.json, `${JSON.stringify(report, null, 2)}\n`));
  if (paths.junit) jobs.push(writeReportFile(paths.junit, toJUnitXml(report.cases)));
  if (paths.html) jobs.push(writeReportFile(paths.html, toHtmlReport(report, subtitle ? { subtitle } : {})));
  return Promise.all(jobs);
}
