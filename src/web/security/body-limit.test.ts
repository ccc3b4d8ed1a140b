import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BODY_RULES, bodyLimits, ruleFor, SMALL_BODY_BYTES } from './body-limit.ts';
import { inputGuard } from './input-guard.ts';

const MB = 1024 * 1024;

function limitedApp(maxConcurrentUploads = 4) {
  const app = new Hono();
  app.use(bodyLimits({ maxConcurrentUploads, refuse: (c, status, message) => c.text(message, status) }));
  app.post('/apply', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const file = form.identityFiles;
    return c.json({ name: form.applicantName, size: file instanceof File ? file.size : null });
  });
  app.post('/api/cases', async (c) => c.json(await c.req.json()));
  app.post('/login', async (c) => c.json(await c.req.parseBody()));
  app.all('*', (c) => c.text('not found', 404));
  return app;
}

/** A body that counts how much of it was read. */
function counted(total: number, chunk = 64 * 1024) {
  const state = { read: 0 };
  const piece = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.read >= total) return controller.close();
      state.read += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { stream, state };
}

function multipart(parts: { name: string; value: string | Uint8Array; filename?: string }[]) {
  const boundary = '----gongkaiTestBoundary';
  const chunks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.filename === undefined ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n`;
    chunks.push(enc.encode(head), typeof p.value === 'string' ? enc.encode(p.value) : p.value, enc.encode('\r\n'));
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

describe('ruleFor: each route its documented cap, everything else small', () => {
  it.each([
    ['the portal application form', 'POST', '/apply', 31 * MB],
    ['the console registering an application', 'POST', '/console/cases/new', 31 * MB],
    ['a catalog attachment uploaded in the console', 'POST', '/console/catalog/7/attachments', 21 * MB],
    ['a path that does not exist', 'POST', '/no/such/path', SMALL_BODY_BYTES],
    ['sign-in', 'POST', '/login', SMALL_BODY_BYTES],
    ['filing through the JSON API', 'POST', '/api/cases', SMALL_BODY_BYTES],
    ['the application form by PUT (no such route)', 'PUT', '/apply', SMALL_BODY_BYTES],
  ])('%s', (_name, method, path, bytes) => {
    expect(ruleFor(method, path).maxBytes).toBe(bytes);
  });

  it('no rule is wider than its route needs: every cap is under 32 MB', () => {
    for (const rule of BODY_RULES) expect(rule.maxBytes).toBeLessThanOrEqual(32 * MB);
  });
});

describe('bodyLimits', () => {
  it('refuses a Content-Length over the cap without reading a byte of the body', async () => {
    const { stream, state } = counted(10 * MB);
    const res = await limitedApp().request('/no/such/path', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': String(10 * MB), 'content-type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(state.read).toBeLessThanOrEqual(64 * 1024);
  });

  it.each([
    ['an unknown path', '/no/such/path', 'application/x-www-form-urlencoded'],
    ['sign-in', '/login', 'application/x-www-form-urlencoded'],
    ['the JSON API', '/api/cases', 'application/json'],
  ])('cuts a chunked body off at the cap: %s', async (_name, path, type) => {
    const { stream, state } = counted(100 * MB);
    const res = await limitedApp().request(path, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': type },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(state.read).toBeLessThan(SMALL_BODY_BYTES + 256 * 1024);
  });

  it('passes a body within the cap to the route unchanged', async () => {
    const res = await limitedApp().request('/api/cases', {
      method: 'POST',
      body: JSON.stringify({ subject: '申请公开' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(await res.json()).toEqual({ subject: '申请公开' });
  });

  it('parses a multipart form as it streams and hands it to the route', async () => {
    const { body, type } = multipart([
      { name: 'applicantName', value: '张三' },
      { name: 'identityFiles', value: new Uint8Array(3000).fill(1), filename: 'id.png' },
    ]);
    const res = await limitedApp().request('/apply', { method: 'POST', body, headers: { 'content-type': type } });
    expect(await res.json()).toEqual({ name: '张三', size: 3000 });
  });

  it('refuses a multipart file over its part limit (10 MB for an applicant file) before the body ends', async () => {
    const { body: head, type } = multipart([{ name: 'identityFiles', value: new Uint8Array(0), filename: 'big.pdf' }]);
    const opening = head.subarray(0, head.indexOf('\r\n\r\n') + 4);
    const { stream: rest, state } = counted(200 * MB);
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(opening);
      },
      async pull(controller) {
        const reader = rest.getReader();
        const { value, done } = await reader.read();
        reader.releaseLock();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const res = await limitedApp().request('/apply', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': type },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('附件每个不超过10MB');
    expect(state.read).toBeLessThan(11 * MB);
  });

  it.each([
    ['a field longer than 1 MB', [{ name: 'subject', value: 'x'.repeat(MB + 1) }]],
    ['more than 200 fields', Array.from({ length: 201 }, (_, i) => ({ name: `f${i}`, value: 'x' }))],
    [
      'more than 20 files',
      Array.from({ length: 21 }, (_, i) => ({ name: 'supportingFiles', value: 'x', filename: `${i}.txt` })),
    ],
  ])('refuses a multipart form with %s', async (_name, parts) => {
    const { body, type } = multipart(parts);
    const res = await limitedApp().request('/apply', { method: 'POST', body, headers: { 'content-type': type } });
    expect(res.status).toBe(413);
  });

  it('refuses a malformed multipart body with 400', async () => {
    const res = await limitedApp().request('/apply', {
      method: 'POST',
      body: 'not multipart',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(res.status).toBe(400);
  });

  it('reads at most the allowed number of uploads at once, and refuses more with 503', async () => {
    const app = limitedApp(2);
    const holds: ReadableStreamDefaultController<Uint8Array>[] = [];
    const pending = [0, 1].map(() =>
      app.request('/apply', {
        method: 'POST',
        body: new ReadableStream<Uint8Array>({ start: (controller) => void holds.push(controller) }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        duplex: 'half',
      } as RequestInit),
    );
    await new Promise((r) => setTimeout(r, 20));
    const third = await app.request('/apply', {
      method: 'POST',
      body: 'applicantName=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('30');
    for (const h of holds) {
      h.enqueue(new TextEncoder().encode('applicantName=x'));
      h.close();
    }
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([200, 200]);
    // The slots are given back.
    const after = await app.request('/apply', {
      method: 'POST',
      body: 'applicantName=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(after.status).toBe(200);
  });
});

describe('a GET or HEAD, which has no body', () => {
  /** A request that records whether its body was asked for (on the node server, that builds the whole Request). */
  function watched(method: string) {
    const request = new Request('http://x/catalog/1', { method });
    const seen = { body: false };
    Object.defineProperty(request, 'body', {
      get() {
        seen.body = true;
        return null;
      },
    });
    return { request, seen };
  }

  it.each(['GET', 'HEAD'])('%s: the body limits and the input guard never ask for the body', async (method) => {
    const app = new Hono();
    app.use(bodyLimits({ refuse: (c, status, message) => c.text(message, status) }));
    app.use(inputGuard());
    app.get('/catalog/:id', (c) => c.text('条目'));
    const { request, seen } = watched(method);
    expect((await app.fetch(request)).status).toBe(200);
    expect(seen.body).toBe(false);
  });

  it('a POST still has its body read and checked', async () => {
    const app = new Hono();
    app.use(bodyLimits({ refuse: (c, status, message) => c.text(message, status) }));
    app.post('/login', (c) => c.text('ok'));
    const { request, seen } = watched('POST');
    await app.fetch(request);
    expect(seen.body).toBe(true);
  });
});
