/** Column types more than one area uses. */
import { customType } from 'drizzle-orm/pg-core';

/** Raw bytes (a file's content): Uint8Array in, Uint8Array (a Buffer on node-postgres) out. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
