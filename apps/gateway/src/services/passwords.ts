import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with N=2^15, r=8, p=1 (OWASP's minimum is N=2^17 for 1 thread; 2^15 keeps a login ~50 ms
// here). The parameters are stored in the hash, so they can be raised without invalidating old ones.
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A self-describing hash: `scrypt$N$r$p$salt$key` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** What a password policy finding says, in Chinese and English. */
export interface PasswordProblem {
  readonly code: 'TOO_SHORT' | 'CONTAINS_USERNAME' | 'TOO_SIMPLE';
  readonly message: { readonly zh: string; readonly en: string };
}

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * The password policy: at least {@link MIN_PASSWORD_LENGTH} characters, not containing the username,
 * and not one character repeated. Applied to every password set through the API and to
 * `QXG_ADMIN_PASSWORD`. Returns the problems (none: the password is accepted).
 */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push({
      code: 'TOO_SHORT',
      message: {
        zh: `密码至少需要${MIN_PASSWORD_LENGTH}个字符(现为${length}个)。`,
        en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters (it has ${length}).`,
      },
    });
  }
  const name = username.normalize('NFKC').trim().toLowerCase();
  if (name.length > 0 && password.normalize('NFKC').toLowerCase().includes(name)) {
    problems.push({
      code: 'CONTAINS_USERNAME',
      message: { zh: '密码不能包含用户名。', en: 'The password must not contain the username.' },
    });
  }
  if (length > 0 && new Set(password).size === 1) {
    problems.push({
      code: 'TOO_SIMPLE',
      message: { zh: '密码不能由同一个字符重复组成。', en: 'The password must not repeat one character.' },
    });
  }
  return problems;
}

// A hash of a random password nobody knows: verifying against it costs what a real check costs, so a
// login for an unknown username takes as long as one for a known user with a wrong password.
let dummyHash: Promise<string> | null = null;

/** Runs the same scrypt work as {@link verifyPassword} and answers false (unknown or disabled users). */
export async function verifyNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/** A random password people can type: 4 groups of 4 characters without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  }
  return out;
}
