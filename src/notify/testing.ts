/**
 * For tests: a local SMTP server (smtp-server on a port the OS chooses) that keeps what arrived, decoded, and
 * a fake of 阿里云短信 SendSms (HTTP on a free port) that checks each request's signature and answers as the API
 * does. Nothing here is used outside tests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { aliyunSignature } from './sms.ts';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) decoded. */
function decodeWords(s: string): string {
  return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A single-part text message's subject and text. */
export function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  return {
    subject: decodeWords(header('Subject')),
    text: decodeBody(body, header('Content-Transfer-Encoding')).trim(),
  };
}

export async function startTestSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface FakeSms {
  endpoint: string;
  /** The requests whose signature was right, as parameters. */
  sent: Record<string, string>[];
  /** Make the next requests fail as the API does (e.g. isv.BUSINESS_LIMIT_CONTROL). */
  failWith: string | null;
  close(): Promise<void>;
}

/** A fake of dysmsapi SendSms taking `secret` as the AccessKeySecret. */
export async function startFakeSms(secret: string): Promise<FakeSms> {
  const fake: FakeSms = { endpoint: '', sent: [], failWith: null, close: async () => {} };
  const server = createServer((req, res) => {
    const params = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
    const { Signature, ...rest } = params;
    res.setHeader('content-type', 'application/json');
    if (Signature !== aliyunSignature(rest, secret)) {
      res.statusCode = 400;
      res.end(JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched.' }));
      return;
    }
    if (fake.failWith) {
      res.end(JSON.stringify({ Code: fake.failWith, Message: '触发业务流控' }));
      return;
    }
    fake.sent.push(params);
    res.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: `biz-${fake.sent.length}`, RequestId: 'req' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
