/**
 * The result of one statement read off PostgreSQL's wire (the backend's messages of an extended-protocol
 * exchange: bind, describe, execute, sync), as PGlite's own `parse.parseResults` gives it (issue #18).
 *
 * PGlite parses its backend's output message by message with a reader whose private fields its build turned
 * into WeakMap lookups, and copies every field's bytes into an ArrayBuffer of its own before decoding it. On a
 * catalog list (20 rows of 6 columns) that was more than half of PGlite's thread: 0.8 ms a statement, the
 * statement itself 0.35 ms. Here the bytes are read in place, each value decoded once.
 *
 * Only the messages such an exchange holds are read: ParseComplete, BindComplete, RowDescription or NoData,
 * DataRow, CommandComplete, EmptyQueryResponse and ReadyForQuery, with notices and parameter changes passed over.
 * An ErrorResponse is `refused` (the backend's message given); any other message, or bytes that don't end on a
 * message's end, leave the result `undefined`, for PGlite's own parser to read.
 */

/** A column's text parser (PGlite's: by type OID). */
export type ValueParser = (value: string, typeId: number) => unknown;

export interface WireResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  command?: string;
  affectedRows: number;
  rowCount?: number;
}

/** The backend refused the statement: its ErrorResponse's message. */
export interface Refused {
  refused: string;
}

/**
 * Passed over: NoticeResponse, ParameterStatus, ParseComplete, BindComplete, NoData, EmptyQueryResponse,
 * ReadyForQuery.
 */
const PASSED_OVER = new Set(['N', 'S', '1', '2', 'n', 'I', 'Z']);

/** Commands whose tag's count is of rows changed (as PGlite counts `affectedRows`). */
const CHANGING = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

export function readWireResult(
  bytes: Buffer,
  parserOf: (typeId: number) => ValueParser | undefined,
  rowMode: 'array' | 'object' = 'object',
): WireResult | Refused | undefined {
  const result: WireResult = { rows: [], fields: [], affectedRows: 0 };
  let parsers: (ValueParser | undefined)[] = [];
  let names: string[] = [];
  let types: number[] = [];
  let at = 0;
  while (at + 5 <= bytes.length) {
    const type = String.fromCharCode(bytes[at]);
    const end = at + 1 + bytes.readUInt32BE(at + 1);
    if (end > bytes.length) return undefined;
    let pos = at + 5;
    switch (type) {
      case 'T': {
        const count = bytes.readUInt16BE(pos);
        pos += 2;
        names = [];
        types = [];
        for (let i = 0; i < count; i++) {
          const stop = bytes.indexOf(0, pos);
          names.push(bytes.toString('utf8', pos, stop));
          types.push(bytes.readUInt32BE(stop + 7));
          pos = stop + 19; // the name's NUL, table OID, column number, type OID, type size, type modifier, format
        }
        parsers = types.map(parserOf);
        result.fields = names.map((name, i) => ({ name, dataTypeID: types[i] }));
        break;
      }
      case 'D': {
        const count = bytes.readUInt16BE(pos);
        pos += 2;
        const values: unknown[] = new Array(count);
        for (let i = 0; i < count; i++) {
          const length = bytes.readInt32BE(pos);
          pos += 4;
          if (length < 0) values[i] = null;
          else {
            const text = bytes.toString('utf8', pos, pos + length);
            pos += length;
            const parse = parsers[i];
            values[i] = parse ? parse(text, types[i]) : text;
          }
        }
        if (rowMode === 'array') result.rows.push(values);
        else {
          const row: Record<string, unknown> = {};
          for (let i = 0; i < count; i++) row[names[i]] = values[i];
          result.rows.push(row);
        }
        break;
      }
      case 'C': {
        const words = bytes.toString('utf8', pos, bytes.indexOf(0, pos)).split(' ');
        const command = words[0];
        const n = Number.parseInt(words[words.length - 1], 10);
        if (CHANGING.has(command)) result.affectedRows += n;
        result.command = command;
        if (!Number.isNaN(n)) result.rowCount = n;
        break;
      }
      case 'E':
        return { refused: errorMessage(bytes, pos, end) };
      default:
        if (!PASSED_OVER.has(type)) return undefined;
    }
    at = end;
  }
  return at === bytes.length ? result : undefined;
}

/** The M (message) field of an ErrorResponse. */
function errorMessage(bytes: Buffer, from: number, end: number): string {
  let pos = from;
  while (pos < end && bytes[pos] !== 0) {
    const stop = bytes.indexOf(0, pos + 1);
    if (bytes[pos] === 0x4d) return bytes.toString('utf8', pos + 1, stop);
    pos = stop + 1;
  }
  return 'error';
}
