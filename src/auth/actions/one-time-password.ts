import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read out or copied from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A password an administrator hands over once (a new account, a reset): 3 groups of 4, about 70 bits, with
 * letters and digits so it meets the password rule; the user must change it at the first sign-in.
 */
export function oneTimePassword(): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () =>
      Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    if (/\d/.test(password) && /[a-zA-Z]/.test(password)) return password;
  }
}
