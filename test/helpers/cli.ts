import { spawn } from 'node:child_process';

/** What a command-line run printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `src/cli/<script>` with tsx, offline (no model provider keys), without colour or logs; `env` adds or
 * overrides variables.
 */
export async function runCli(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', NO_COLOR: '1', ...env };
  delete childEnv.OPENAI_API_KEY;
  delete childEnv.OPENAI_BASE_URL;
  const child = spawn('npx', ['tsx', `src/cli/${script}`, ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
