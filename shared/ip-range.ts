/**
 * IP addresses and CIDR ranges (IPv4 and IPv6) for the blacklist, in plain TypeScript: the route
 * table validates with it (shared has no Node), and the server matches visitors' addresses with
 * it. Parsing is strict — no octal or hex quads, no zone ids, no host bits set in a range — so a
 * value an admin typed means exactly one thing, and its canonical form is what is stored.
 */

export interface IpRange {
  version: 4 | 6;
  /** The network address as a number (128 bits for IPv6). */
  network: bigint;
  prefix: number;
}

const IPV4_PART = /^(0|[1-9][0-9]{0,2})$/;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_PART.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseHextets(groups: string[]): bigint[] | null {
  const out: bigint[] = [];
  for (const [i, group] of groups.entries()) {
    // An embedded IPv4 address may end the address (::ffff:192.0.2.1): two hextets.
    if (i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (v4 === null) return null;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEXTET.test(group)) out.push(BigInt(parseInt(group, 16)));
    else return null;
  }
  return out;
}

function parseIpv6(text: string): bigint | null {
  if (text.length > 45) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  let hextets: bigint[];
  if (halves.length === 2) {
    const head = halves[0] ? parseHextets(halves[0].split(':')) : [];
    const tail = halves[1] ? parseHextets(halves[1].split(':')) : [];
    if (!head || !tail || head.length + tail.length > 7) return null;
    hextets = [...head, ...Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  } else {
    const all = parseHextets(text.split(':'));
    if (!all || all.length !== 8) return null;
    hextets = all;
  }
  return hextets.reduce((acc, h) => (acc << 16n) | h, 0n);
}

/** An address as a number and its version; null when it is not exactly one IPv4 or IPv6 address. */
export function parseIp(text: string): { version: 4 | 6; value: bigint } | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  if (!text.includes(':')) return null;
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  // An IPv4-mapped IPv6 address (how a dual-stack socket reports an IPv4 peer) is that IPv4 address.
  if (v6 >> 32n === 0xffffn) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

const bitsOf = (version: 4 | 6) => (version === 4 ? 32 : 128);

/**
 * "192.0.2.7" (one address, /32 or /128) or "198.51.100.0/24", "2001:db8::/32". Null with the
 * reason when it is none of those; host bits set after the prefix are refused, not masked away.
 */
export function parseIpRange(text: string): IpRange | string {
  const [address, prefixText, extra] = text.split('/');
  if (extra !== undefined || address === undefined) return 'must be an IP address or a CIDR range';
  const ip = parseIp(address);
  if (!ip) return 'must be an IP address or a CIDR range';
  const bits = bitsOf(ip.version);
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return 'the prefix length must be a number';
    prefix = Number(prefixText);
    if (prefix > bits) return `the prefix length may be at most ${bits}`;
    // Ranges wider than this would block a whole country's provider or more: almost surely a typo.
    if (prefix < (ip.version === 4 ? 8 : 16)) return `the prefix length must be at least ${ip.version === 4 ? 8 : 16}`;
  }
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  if ((ip.value & hostMask) !== 0n) return 'host bits are set after the prefix; give the network address';
  return { version: ip.version, network: ip.value, prefix };
}

function formatIpv6(value: bigint): string {
  const hextets = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt((7 - i) * 16)) & 0xffffn));
  // The longest run of two or more zero hextets becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (hextets[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && hextets[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = hextets.map((h) => h.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The one spelling stored and shown: "10.0.0.0/8", "2001:db8::/32", and a single address without a prefix. */
export function formatIpRange(range: IpRange): string {
  const bits = bitsOf(range.version);
  const address = range.version === 4 ? [24n, 16n, 8n, 0n].map((shift) => String((range.network >> shift) & 0xffn)).join('.') : formatIpv6(range.network);
  return range.prefix === bits ? address : `${address}/${range.prefix}`;
}

/** Whether the address (as a socket or proxy reports it) lies in the range. */
export function ipInRange(address: string, range: IpRange): boolean {
  const ip = parseIp(address);
  if (!ip || ip.version !== range.version) return false;
  const shift = BigInt(bitsOf(range.version) - range.prefix);
  return ip.value >> shift === range.network >> shift;
}
