/** 动态验证码 (issue #12): RFC 6238's own test vector, the drift window, replay and malformed codes. */
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

// RFC 6238 Appendix B: the ASCII secret "12345678901234567890" (base32 below), SHA-1, at T = 59 s → 94287082
// (8 digits); its last 6 digits are the 6-digit code.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('checkTotp', () => {
  it('accepts the RFC 6238 test vector at T = 59 s (step 1)', async () => {
    expect(await checkTotp({ secret: RFC_SECRET, code: '287082', now: new Date(59_000), lastStep: null })).toBe(1);
  });

  it('accepts one step of drift either way, not two', async () => {
    const secret = newTotpSecret();
    const at = (s: number) => new Date(s * 1000);
    const code = await generate({ secret, epoch: 3000 }); // step 100
    expect(await checkTotp({ secret, code, now: at(3000 + 30), lastStep: null })).toBe(100);
    expect(await checkTotp({ secret, code, now: at(3000 - 30), lastStep: null })).toBe(100);
    expect(await checkTotp({ secret, code, now: at(3000 + 65), lastStep: null })).toBeNull();
  });

  it('refuses a code used before (replay), and any code of an earlier step', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: 3000 });
    expect(await checkTotp({ secret, code, now: new Date(3_000_000), lastStep: 100 })).toBeNull();
    expect(await checkTotp({ secret, code, now: new Date(3_000_000), lastStep: 99 })).toBe(100);
  });

  it.each([
    ['empty', ''],
    ['five digits', '28708'],
    ['letters', 'abcdef'],
    ['seven digits', '2870821'],
  ])('refuses %s', async (_n, code) => {
    expect(await checkTotp({ secret: RFC_SECRET, code, now: new Date(59_000), lastStep: null })).toBeNull();
  });

  it('reads a code typed with a space in the middle', async () => {
    expect(await checkTotp({ secret: RFC_SECRET, code: '287 082', now: new Date(59_000), lastStep: null })).toBe(1);
  });

  it('gives an otpauth address naming the site and the user', () => {
    const uri = totpUri({ site: '示范县人民政府', username: 'admin', secret: RFC_SECRET });
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${RFC_SECRET}`);
    expect(decodeURIComponent(uri)).toContain('示范县人民政府');
  });
});
