import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt N=2^14, r=8, p=1: ~30 ms here, memory-hard; parameters are stored with each hash so
// they can be raised later without invalidating old hashes.
const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;

/** scrypt on libuv's thread pool: a login must not stall every chat for ~30 ms. */
function scryptAsync(password: string, salt: Buffer, keyLen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keyLen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

const format = (salt: Buffer, key: Buffer): string => `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;

/** Synchronous: only for startup work (seeding, the dummy hash) before the server serves anyone. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(password, salt, KEY_LEN, { N, r: R, p: P }));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await scryptAsync(password, salt, KEY_LEN, { N, r: R, p: P }));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(expected, actual);
}

/** A hash to compare against when the account does not exist, so timing does not reveal that. */
export const DUMMY_HASH = hashPasswordSync(randomBytes(8).toString('hex'));
