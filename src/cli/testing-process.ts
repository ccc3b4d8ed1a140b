/**
 * The `gongkai` command as real child processes, for tests of what only processes show: the PGlite lock
 * between commands, signals, exit codes. Each child runs `node --import tsx src/cli/main.ts`, as `npm start`
 * does, on PGlite in `dataDir` (DATABASE_URL removed), logging at info.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../testing/paths.ts';

const main = join(repoRoot, 'src/cli/main.ts');

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, GONGKAI_DATA: dataDir, PORT: '0', LOG_LEVEL: 'info', GONGKAI_SECRET: 'test', ...extra };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one command to its end. */
export function gongkai(dataDir: string, args: string[], extra?: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: repoRoot,
    env: env(dataDir, extra),
  });
  return finished(child);
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** Every stdout line so far (JSON log lines). */
  lines: string[];
  /** Every stderr line so far (what the server tells whoever started it, such as the first administrator). */
  errLines: string[];
  exited: Promise<Run>;
}

/** Starts `gongkai serve` on `dataDir` and resolves once it listens; rejects if it exits first. */
export function startServer(
  dataDir: string,
  args: string[] = [],
  extra: Record<string, string> = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', ...args], {
    cwd: repoRoot,
    env: env(dataDir, extra),
  });
  const exited = finished(child);
  const lines: string[] = [];
  const errLines: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errLines.push(...chunk.toString().split('\n').filter(Boolean)));
  return new Promise((resolve, reject) => {
    let rest = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      rest += chunk.toString();
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const port = listeningPort(line);
        if (port) resolve({ child, port, url: `http://127.0.0.1:${port}`, lines, errLines, exited });
      }
    });
    void exited.then((run) => reject(new Error(`gongkai serve exited ${run.code}: ${run.stderr}`)));
  });
}

function listeningPort(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    return entry.msg === 'listening' ? entry.port : undefined;
  } catch {
    return undefined;
  }
}

function finished(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      child.stdout?.removeAllListeners('data');
      resolve({ code, signal, stdout, stderr });
    });
  });
}
