/**
 * 动态验证码: the time-based one-time password (TOTP, RFC 6238: 6 digits, 30-second steps, SHA-1) that
 * authenticator apps (微信小程序“腾讯身份验证器”, Google Authenticator, FreeOTP) show, through otplib. A code is
 * accepted one step early or late (clocks drift) and only once: the step it matched is kept and any code of
 * that step or before is refused (replay).
 */
import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_PERIOD_S = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an app scans from the QR code. */
export function totpUri(input: { site: string; username: string; secret: string }): string {
  return generateURI({ issuer: input.site, label: input.username, secret: input.secret });
}

/** The 30-second step the code matched, or null: wrong, malformed, or not after `lastStep`. */
export async function checkTotp(input: {
  secret: string;
  code: string;
  now: Date;
  lastStep: number | null;
}): Promise<number | null> {
  const token = input.code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret: input.secret,
    token,
    epoch: Math.floor(input.now.getTime() / 1000),
    epochTolerance: TOTP_PERIOD_S,
    ...(input.lastStep !== null ? { afterTimeStep: input.lastStep } : {}),
  });
  if (!result.valid) return null;
  // otplib's result type is a union with HOTP's, which has no timeStep; TOTP's always has it.
  return 'timeStep' in result ? (result.timeStep as number) : null;
}
