import { describe, expect, it } from 'vitest';
import { formatIpRange, ipInRange, parseIpRange, type IpRange } from './ip-range.js';

const range = (text: string): IpRange => {
  const parsed = parseIpRange(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('ip ranges', () => {
  it('reads and writes one canonical spelling', () => {
    expect(formatIpRange(range('10.0.0.0/8'))).toBe('10.0.0.0/8');
    expect(formatIpRange(range('192.0.2.7/32'))).toBe('192.0.2.7');
    expect(formatIpRange(range('2001:0DB8:0000::/32'))).toBe('2001:db8::/32');
    expect(formatIpRange(range('::ffff:192.0.2.7'))).toBe('192.0.2.7');
    expect(formatIpRange(range('2001:db8:0:1:0:0:0:1'))).toBe('2001:db8:0:1::1');
    expect(formatIpRange(range('::1'))).toBe('::1');
  });

  it('refuses what is not exactly an address or a range', () => {
    for (const bad of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '01.2.3.4',
      '256.0.0.1',
      '1.2.3.4/',
      '1.2.3.4/33',
      '1.2.3.4/08',
      '10.0.0.1/8',
      '0.0.0.0/0',
      '::/0',
      '1::2::3',
      '12345::',
      'fe80::1%eth0',
      'a.b.c.d',
      '1.2.3.4/8/8',
    ])
      expect(typeof parseIpRange(bad), bad).toBe('string');
  });

  it('matches addresses, IPv4-mapped ones too', () => {
    expect(ipInRange('10.200.3.4', range('10.0.0.0/8'))).toBe(true);
    expect(ipInRange('11.0.0.1', range('10.0.0.0/8'))).toBe(false);
    expect(ipInRange('::ffff:10.1.1.1', range('10.0.0.0/8'))).toBe(true);
    expect(ipInRange('2001:db8:ffff::1', range('2001:db8::/32'))).toBe(true);
    expect(ipInRange('2001:db9::1', range('2001:db8::/32'))).toBe(false);
    expect(ipInRange('10.0.0.1', range('2001:db8::/32'))).toBe(false);
    expect(ipInRange('unknown', range('10.0.0.0/8'))).toBe(false);
  });
});
