import os from 'node:os';
import type { MachineInfo } from '../types.js';

/** CPU count and model, Node version, total memory (GiB) and platform of this host. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.arch()}`,
  };
}
