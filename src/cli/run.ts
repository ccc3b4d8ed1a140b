import { config } from '../config.ts';

/**
 * Runs a CLI action so that bad input ends in one line naming the place, never a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export async function runCli(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gongkai: ${message.split('\n')[0]}\n`);
    if (config.debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 2;
  }
}
