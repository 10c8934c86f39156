import fs from 'node:fs/promises';
import path from 'node:path';
import { toHtmlReport } from './html-report.js';
import { toJUnitXml } from './junit.js';
import type { EvalReport } from './types.js';

/** Where to write report files (each optional). */
export interface OutputPaths {
  json?: string;
  junit?: string;
  html?: string;
}

async function write(file: string, text: string): Promise<string> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, text, 'utf8');
  return file;
}

/** Writes the requested JSON, JUnit and HTML reports; returns the paths written. */
export async function writeOutputs(report: EvalReport, paths: OutputPaths, subtitle?: string): Promise<string[]> {
  const jobs: Array<Promise<string>> = [];
  if (paths.json) jobs.push(write(paths.json, `${JSON.stringify(report, null, 2)}\n`));
  if (paths.junit) jobs.push(write(paths.junit, toJUnitXml(report.cases)));
  if (paths.html) jobs.push(write(paths.html, toHtmlReport(report, subtitle ? { subtitle } : {})));
  return Promise.all(jobs);
}
