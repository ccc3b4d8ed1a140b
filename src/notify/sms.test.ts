import { describe, expect, it } from 'vitest';
import { aliyunSendSmsParams, aliyunSignature, percentEncode } from './sms.ts';

describe('阿里云短信 SendSms request', () => {
  it('signs the example of the API’s 签名机制 documentation to its published signature', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunSignature(params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('encodes as RFC 3986 asks (space %20, * %2A, ~ kept)', () => {
    expect(percentEncode("a b*c~d'(")).toBe('a%20b%2Ac~d%27%28');
  });

  it('sends the template code, the parameters as JSON and a UTC timestamp without milliseconds', () => {
    const p = aliyunSendSmsParams(
      { phone: '13912345678', templateCode: 'SMS_1', params: { code: 'ABCDEFGHJK' }, text: '…' },
      { accessKeyId: 'id', accessKeySecret: 'secret', signName: '示范县人民政府' },
      new Date('2026-03-02T10:00:00.123+08:00'),
      'nonce-1',
    );
    expect(p).toMatchObject({
      Action: 'SendSms',
      PhoneNumbers: '13912345678',
      SignName: '示范县人民政府',
      TemplateCode: 'SMS_1',
      TemplateParam: '{"code":"ABCDEFGHJK"}',
      Timestamp: '2026-03-02T02:00:00Z',
      SignatureNonce: 'nonce-1',
    });
    const { Signature, ...rest } = p;
    expect(Signature).toBe(aliyunSignature(rest, 'secret'));
  });
});
