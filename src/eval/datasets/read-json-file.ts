import fs from 'node:fs/promises';
import { AppError } from '../../errors.js';

/** An error about a dataset file, naming it: AppError('bad_request'). */
export const datasetError = (file: string, message: string) => new AppError('bad_request', `${file}: ${message}`);

/** Reads and parses a JSON dataset file; an unreadable or non-JSON file is a {@link datasetError}. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw datasetError(file, `cannot read the dataset: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw datasetError(file, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}
