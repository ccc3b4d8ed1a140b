/**
 * Text messages to applicants through a provider adapter. The one here speaks 阿里云短信服务 (dysmsapi) SendSms
 * as its API documents it: a GET with PhoneNumbers, SignName, TemplateCode and TemplateParam (JSON), signed with
 * signature version 1.0 (HMAC-SHA1 over "GET&%2F&" + the sorted, RFC 3986-encoded query, key = secret + "&").
 * The provider sends only templates it approved: the template code is the SMS template's title
 * (templates.ts), the placeholders' values its parameters. Tests point the endpoint at a local fake
 * (testing.ts) that checks the signature and answers as the API does.
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface SmsMessage {
  /** An 11-digit mainland mobile number. */
  phone: string;
  /** The provider's template code (阿里云 TemplateCode). */
  templateCode: string;
  params: Record<string, string>;
  /** The message as the applicant reads it (kept in the record; providers sending free text would send it). */
  text: string;
}

export interface SmsSender {
  /** Resolves with the provider's id of the message; rejects with its reason. */
  send(message: SmsMessage): Promise<string>;
}

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** https://dysmsapi.aliyuncs.com/ unless told otherwise (a test's fake). */
  endpoint?: string;
  regionId?: string;
}

/** RFC 3986 percent-encoding as the signature wants it (space %20, * %2A, ~ kept). */
export const percentEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Signs a query the way 阿里云 RPC APIs check it (签名机制, SignatureVersion 1.0). */
export function aliyunSignature(params: Record<string, string>, secret: string, method = 'GET'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

/** The SendSms request's parameters, signed. */
export function aliyunSendSmsParams(
  message: SmsMessage,
  opts: AliyunSmsOptions,
  at: Date,
  nonce: string = randomUUID(),
): Record<string, string> {
  const params: Record<string, string> = {
    AccessKeyId: opts.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: message.phone,
    RegionId: opts.regionId ?? 'cn-hangzhou',
    SignName: opts.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    TemplateCode: message.templateCode,
    TemplateParam: JSON.stringify(message.params),
    Timestamp: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
  };
  return { ...params, Signature: aliyunSignature(params, opts.accessKeySecret) };
}

export function aliyunSms(opts: AliyunSmsOptions, now: () => Date = () => new Date()): SmsSender {
  const endpoint = opts.endpoint ?? 'https://dysmsapi.aliyuncs.com/';
  return {
    async send(message) {
      if (!message.templateCode) throw new Error('未设置短信模板代码（阿里云 TemplateCode），请在通知模板中填写');
      const query = new URLSearchParams(aliyunSendSmsParams(message, opts, now()));
      const res = await fetch(`${endpoint}?${query}`, { signal: AbortSignal.timeout(10_000) });
      const body = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string };
      if (!res.ok || body.Code !== 'OK')
        throw new Error(`短信发送失败：${body.Code ?? res.status} ${body.Message ?? ''}`.trim());
      return body.BizId ?? '';
    },
  };
}
