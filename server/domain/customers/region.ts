/**
 * Region (地区) from the visitor's IP with the offline ip2region database (npm ip2region, MIT;
 * IPv4 + IPv6, Chinese region names). Its two data files (~11 MB) are read into memory on the
 * first lookup, not at start, so a server that never sees a page view never pays for them.
 * Loopback and private addresses are '内网'; anything unknown is '' — never an error.
 */
import { createRequire } from 'node:module';
import { isIP } from 'node:net';

interface IpLookup {
  search(ip: string): { country: string; province: string; city: string; isp: string } | null;
}

export const PRIVATE_REGION = '内网';

let lookup: IpLookup | null | undefined;

function database(): IpLookup | null {
  if (lookup !== undefined) return lookup;
  try {
    // A CommonJS package with a default export class; createRequire avoids ESM interop guesses.
    const mod = createRequire(import.meta.url)('ip2region') as { default: new () => IpLookup };
    lookup = new mod.default();
  } catch {
    lookup = null;
  }
  return lookup;
}

/** Strips the IPv4-mapped IPv6 prefix Node reports for IPv4 clients on a dual-stack socket. */
export function plainIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

export function isPrivateIp(raw: string): boolean {
  const ip = plainIp(raw);
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const lower = ip.toLowerCase();
  return lower === '::1' || lower === '::' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

/** '中国 江苏省 南京市', '美国', '内网' or ''. */
export function regionOf(raw: string): string {
  const ip = plainIp(raw);
  if (!isIP(ip)) return '';
  if (isPrivateIp(ip)) return PRIVATE_REGION;
  let found: ReturnType<IpLookup['search']>;
  try {
    found = database()?.search(ip) ?? null;
  } catch {
    return '';
  }
  if (!found) return '';
  const parts = [found.country, found.province, found.city].map((p) => (p === '0' ? '' : p.trim())).filter((p) => p && p !== '内网IP');
  return [...new Set(parts)].join(' ');
}
