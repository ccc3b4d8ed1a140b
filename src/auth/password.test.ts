import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './password.ts';

describe('password hashes (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('政务公开-2025');
    expect(await verifyPassword('政务公开-2025', stored)).toBe(true);
    expect(await verifyPassword('政务公开-2026', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores its parameters and a per-user salt', async () => {
    const [a, b] = await Promise.all([hashPassword('same-Password1'), hashPassword('same-Password1')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
  });

  it.each([
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['a truncated hash', 'scrypt$32768$8$1$c2FsdHNhbHQ='],
    ['a downgraded cost (N = 2^10)', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['N not a power of two', 'scrypt$40000$8$1$c2FsdHNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ])('refuses %s', async (_name, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });

  it('refuses to hash with a cost below the floor', async () => {
    await expect(hashPassword('x', { N: 2 ** 10, r: 8, p: 1 })).rejects.toThrow('不得小于');
  });

  it.each([
    ['too short', 'Ab1-', '至少10位'],
    ['one kind of character', 'abcdefghijk', '两类'],
    ['password1 (issue #19)', 'password1!', '过于常见'],
    ['admin123 made longer', 'admin12345', '过于常见'],
    ['a common word with a year and a symbol', 'Password@2025', '过于常见'],
    ['the username inside', 'zhangwei-2025', '用户名'],
    ['an ascending run of digits and a letter', '1234567890', '两类'],
    ['acceptable', 'xinxi-gk-2025', null],
    ['acceptable with Chinese', '政务公开-2025年度', null],
  ])('password rule: %s', (_name, password, problem) => {
    const found = passwordProblem(password, 'zhangwei');
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
