/** What the serving thread and PGlite's thread say to each other (./pglite-thread.ts). */

export interface ThreadOptions {
  /** PGlite's data directory ('memory://' for a throwaway one). */
  dataDir: string;
  /** Commits fsynced (./durable.ts); a directory on disk only. */
  durable: boolean;
  /** Where to lend it to other commands (./pglite-socket.ts); none when absent. */
  socketDir?: string;
}

export type Ask =
  | {
      id: number;
      op: 'query';
      sql: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      /** Types the caller parses itself: they come back as PostgreSQL's text. */
      raw: number[];
      paramTypes?: number[];
      tx?: number;
    }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen' | 'unlisten'; channel: string }
  | { id: number; op: 'close' };

/** An error as it crosses: its message, name and plain fields (code, constraint, detail …). */
export interface ErrorFields {
  message: string;
  name: string;
  fields: Record<string, string | number | boolean | null>;
}

/**
 * The answer to ask `id` (0: the thread is open, or failed to open); `id` -1 is a notification on `channel`.
 */
export type Answer =
  | { id: number; result: unknown; error?: undefined; channel?: undefined }
  | { id: number; error: ErrorFields; result?: undefined; channel?: undefined }
  | { id: -1; channel: string; payload: string };

export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  const fields: ErrorFields['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value as string | number | boolean | null;
  }
  return { message: error.message, name: error.name, fields };
}

/** The error again, on this side: the SQLSTATE `code` and `constraint` read as from PGlite itself (./errors.ts). */
export function errorFrom({ message, name, fields }: ErrorFields): Error {
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  return error;
}
