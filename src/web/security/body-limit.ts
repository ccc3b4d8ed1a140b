/**
 * Request bodies refused by size before they are read, on every route (an anonymous 1 GB chunked body to a
 * path that does not exist once grew the server by 4 GB: the CSRF check read it whole to find its token).
 *
 * Each route has a cap (`BODY_RULES`, else 64 KB): a Content-Length over it is refused at once, unread; a
 * chunked body is counted while it streams and cut off at the cap. Multipart bodies are parsed here, as they
 * stream, with limits per part (a file's bytes, the number of files and fields, a field's length), and the
 * parsed form is handed to Hono, so `c.req.parseBody()` in the CSRF check and the routes reads it from memory
 * without a second copy of the body. Bodies of routes allowed more than the small cap (uploads) hold one of a
 * few slots while they are read: more at once wait for none, they are refused with 503.
 */
import type { Writable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { Context, MiddlewareHandler } from 'hono';
import {
  APPLICATION_TOO_LARGE,
  MAX_APPLICANT_FILE_BYTES,
  MAX_APPLICATION_BODY_BYTES,
} from '../../cases/attachments.ts';
import { MAX_ATTACHMENT_BYTES } from '../../catalog/attachments.ts';

export const SMALL_BODY_BYTES = 64 * 1024;
const MB = 1024 * 1024;

export interface BodyRule {
  /** Which requests: the method and the path. */
  methods: readonly string[];
  path: RegExp;
  /** The whole body's cap. */
  maxBytes: number;
  /** In a multipart body: one file's cap (default: the whole body's). */
  fileBytes?: number;
  /** In a multipart body: one field's cap (default 1 MB). */
  fieldBytes?: number;
  /** The refusal, when the route has its own words for it. */
  message?: string;
}

const POST = ['POST'] as const;
const WRITE = ['POST', 'PUT', 'PATCH'] as const;
const CATALOG_UPLOAD_MESSAGE = `附件超过${MAX_ATTACHMENT_BYTES / MB}MB，未能接收。`;

/** The routes allowed more than SMALL_BODY_BYTES, each at its documented cap. */
export const BODY_RULES: readonly BodyRule[] = [
  // 依申请公开: the portal's form and the console's 登记新申请, with the applicant's files (src/cases/attachments.ts).
  {
    methods: POST,
    path: /^\/(?:apply|console\/cases\/new|track\/correction)$/,
    maxBytes: MAX_APPLICATION_BODY_BYTES,
    fileBytes: MAX_APPLICANT_FILE_BYTES,
    message: APPLICATION_TOO_LARGE,
  },
  // Catalog attachments (src/catalog/attachments.ts): uploaded in the console, or base64 in JSON through the API.
  {
    methods: POST,
    path: /^\/console\/catalog\/\d+\/(?:attachments|replace)$/,
    maxBytes: MAX_ATTACHMENT_BYTES + MB,
    fileBytes: MAX_ATTACHMENT_BYTES,
    message: CATALOG_UPLOAD_MESSAGE,
  },
  {
    methods: WRITE,
    path: /^\/api\/catalog\/items\/\d+\/attachments(?:\/\d+)?$/,
    maxBytes: Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + SMALL_BODY_BYTES,
    message: CATALOG_UPLOAD_MESSAGE,
  },
  {
    methods: POST,
    path: /^\/api\/catalog\/import$/,
    maxBytes: MAX_ATTACHMENT_BYTES + MB,
    fileBytes: MAX_ATTACHMENT_BYTES,
  },
  // 导入年度报告 (src/web/console/data-import.tsx): a batch of published reports in one form, 30 MB in all
  // (a larger set goes in several forms, or through `gongkai import`).
  { methods: POST, path: /^\/console\/data\/import$/, maxBytes: 30 * MB, fileBytes: 20 * MB },
  // A catalog item's body (up to 2,000,000 characters, src/catalog/item-fields.ts).
  { methods: WRITE, path: /^\/(?:console\/catalog|api\/catalog\/items(?:\/\d+)?)$/, maxBytes: 8 * MB },
  { methods: WRITE, path: /^\/api\/catalog\/settings$/, maxBytes: MB },
  // A report's narrative: three parts of up to 50,000 characters, form-encoded.
  { methods: POST, path: /^\/console\/reports\/\d+\/narrative$/, maxBytes: 2 * MB },
  // Answers, letters and their templates (up to 20,000 characters).
  { methods: WRITE, path: /^\/(?:api\/cases|console\/cases)\/.+$/, maxBytes: 256 * 1024 },
];

export interface BodyLimitOptions {
  rules?: readonly BodyRule[];
  /** Uploads (bodies allowed more than the small cap) read at once; more are refused with 503. */
  maxConcurrentUploads?: number;
  /** The refusal: the web's error page (413 or 503) with the message. */
  refuse: (c: Context, status: 400 | 413 | 503, message: string) => Response | Promise<Response>;
}

export function ruleFor(method: string, path: string, rules: readonly BodyRule[] = BODY_RULES): BodyRule {
  return (
    rules.find((r) => r.methods.includes(method) && r.path.test(path)) ?? {
      methods: [method],
      path: /^/,
      maxBytes: SMALL_BODY_BYTES,
    }
  );
}

const tooLarge = (rule: BodyRule) =>
  rule.message ??
  `提交的内容超过${rule.maxBytes >= MB ? `${Math.floor(rule.maxBytes / MB)}MB` : `${Math.floor(rule.maxBytes / 1024)}KB`}，未能接收。`;

class Refused extends Error {
  constructor(
    readonly status: 413 | 503 | 400,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request's body, or null for a GET or HEAD, which has none (fetch's Request refuses one). Asked of a GET,
 * `raw.body` would make @hono/node-server build the whole Request from its light one.
 */
export function requestBody(c: Context): ReadableStream<Uint8Array> | null {
  return c.req.method === 'GET' || c.req.method === 'HEAD' ? null : c.req.raw.body;
}

export function bodyLimits(opts: BodyLimitOptions): MiddlewareHandler {
  const rules = opts.rules ?? BODY_RULES;
  const maxUploads = opts.maxConcurrentUploads ?? 4;
  let uploads = 0;
  return async (c, next) => {
    const raw = c.req.raw;
    const stream = requestBody(c);
    if (!stream) return next();
    const rule = ruleFor(c.req.method, c.req.path, rules);
    const declared = raw.headers.get('content-length');
    const chunked = raw.headers.has('transfer-encoding');
    if (declared !== null && !chunked) {
      const n = Number(declared);
      if (!Number.isSafeInteger(n) || n < 0 || n > rule.maxBytes) return refuse(c, 413, tooLarge(rule));
      if (n === 0) return next();
    }
    const upload = rule.maxBytes > SMALL_BODY_BYTES;
    if (upload) {
      if (uploads >= maxUploads) return refuse(c, 503, '正在接收的上传过多，请稍后再提交。');
      uploads++;
    }
    try {
      const type = (raw.headers.get('content-type') ?? '').toLowerCase();
      if (type.startsWith('multipart/form-data')) {
        const form = await readMultipart(raw, rule);
        // Hono's parseBody reads a form it has parsed before from here (hono/utils/body.ts).
        (c.req as unknown as { bodyCache: { formData?: Promise<FormData> } }).bodyCache.formData =
          Promise.resolve(form);
      } else {
        const body = await readCapped(stream, rule.maxBytes, tooLarge(rule));
        c.req.raw = new Request(raw, { body, duplex: 'half' } as RequestInit);
      }
    } catch (error) {
      if (error instanceof Refused) return refuse(c, error.status, error.message);
      throw error;
    } finally {
      if (upload) uploads--;
    }
    return next();
  };

  function refuse(c: Context, status: 413 | 503 | 400, message: string) {
    // The client may still be sending. No 'Connection: close': the server would close at once with the rest unread, and the client, reset, would
    // lose the answer. @hono/node-server reads on, discarding, for up to 64 MB or 500 ms, then closes.
    if (status === 503) c.header('Retry-After', '30');
    return opts.refuse(c, status, message);
  }
}

/** The body's bytes, read while they stay within the cap; past it the reading stops and the body is refused. */
async function readCapped(stream: ReadableStream<Uint8Array>, max: number, message: string): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      reader.releaseLock(); // not cancelled: that would close the connection before the answer is sent
      throw new Refused(413, message);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** A multipart body parsed as it streams: each part within its limit, the whole within the route's cap. */
async function readMultipart(raw: Request, rule: BodyRule): Promise<FormData> {
  const message = tooLarge(rule);
  const fileBytes = rule.fileBytes ?? rule.maxBytes;
  let busboy: Writable;
  try {
    busboy = new Busboy({
      headers: { 'content-type': raw.headers.get('content-type') ?? '' },
      limits: {
        fieldNameSize: 200,
        fieldSize: rule.fieldBytes ?? MB,
        fields: 200,
        files: 20,
        parts: 220,
        fileSize: fileBytes,
        headerPairs: 20,
      },
    }) as unknown as Writable;
  } catch {
    throw new Refused(400, '提交的表单格式有误。');
  }
  const form = new FormData();
  let refused: Refused | undefined;
  const refuse = (r: Refused) => {
    refused ??= r;
  };
  const files: Promise<void>[] = [];
  busboy.on('field', (name: string, value: string, nameTruncated: boolean, valueTruncated: boolean) => {
    if (nameTruncated || valueTruncated) refuse(new Refused(413, message));
    else form.append(name, value);
  });
  busboy.on(
    'file',
    (
      name: string,
      stream: NodeJS.ReadableStream & { truncated?: boolean },
      filename: string,
      _e: string,
      type: string,
    ) => {
      const chunks: Buffer[] = [];
      stream.on('limit', () => refuse(new Refused(413, message)));
      files.push(
        new Promise((done) => {
          stream.on('data', (chunk: Buffer) => {
            if (!refused) chunks.push(chunk);
          });
          stream.on('end', () => {
            if (!refused)
              form.append(name, new File(chunks as Uint8Array<ArrayBuffer>[], filename ?? '', { type: type || '' }));
            done();
          });
          stream.on('error', () => done());
        }),
      );
    },
  );
  for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit'])
    busboy.on(event, () => refuse(new Refused(413, '提交的表单项目过多，未能接收。')));
  const finished = new Promise<void>((resolve) => {
    busboy.on('finish', resolve);
    busboy.on('error', () => {
      refuse(new Refused(400, '提交的表单格式有误。'));
      resolve();
    });
  });

  const reader = (raw.body as ReadableStream<Uint8Array>).getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > rule.maxBytes) refuse(new Refused(413, message));
    if (refused) {
      reader.releaseLock(); // not cancelled: that would close the connection before the answer is sent
      busboy.destroy();
      throw refused;
    }
    if (!busboy.write(value)) await drained(busboy);
  }
  busboy.end();
  await finished;
  if (refused) throw refused;
  await Promise.all(files);
  if (refused) throw refused;
  return form;
}

const drained = (stream: Writable) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
