import pc from 'picocolors';
import type { CaseResult } from '../suite/types.js';

/** What the progress display reads from a finished case (a suite case or a dataset question). */
export type ProgressItem = Pick<CaseResult, 'id' | 'passed' | 'reasons' | 'latencyMs'>;

/** Reports cases as they finish. */
export interface Progress {
  update(result: ProgressItem, done: number, total: number): void;
  finish(): void;
}

const BAR_WIDTH = 24;

/** A bar redrawn in place on a TTY (failures printed above it), or one plain line per case otherwise. */
export function createProgress(stream: NodeJS.WriteStream, tty = Boolean(stream.isTTY)): Progress {
  let passed = 0;
  let failed = 0;
  let drawn = false;
  return {
    update(result, done, total) {
      if (result.passed) passed += 1;
      else failed += 1;
      if (!tty) {
        const status = result.passed ? 'PASS' : 'FAIL';
        const why = result.passed ? '' : ` — ${result.reasons.join('; ')}`;
        stream.write(`${status} ${result.id} (${Math.round(result.latencyMs)} ms)${why}\n`);
        return;
      }
      if (drawn) stream.write('\r\x1b[2K');
      if (!result.passed) stream.write(`${pc.red('✗')} ${result.id} ${pc.dim(result.reasons.join('; '))}\n`);
      const filled = Math.round((done / total) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      stream.write(
        `${pc.cyan(bar)} ${done}/${total}  ${pc.green(`✓ ${passed}`)}  ${pc.red(`✗ ${failed}`)}  ${pc.dim(result.id)}`,
      );
      drawn = true;
    },
    finish() {
      if (tty && drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
