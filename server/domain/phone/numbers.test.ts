import { describe, expect, it } from 'vitest';
import { phoneKey } from './numbers.js';

describe('phoneKey', () => {
  it('makes one key of the ways people write a Chinese mobile number', () => {
    for (const written of ['13800138000', '+8613800138000', '+86 138-0013-8000', ' 138 0013 8000 ', '008613800138000'])
      expect(phoneKey(written), written).toBe('13800138000');
  });
  it('keeps other numbers and SIP URIs recognisable', () => {
    expect(phoneKey('+4930123456')).toBe('+4930123456');
    expect(phoneKey('*97#')).toBe('*97#');
    expect(phoneKey('SIP:1001@Kefu.Test')).toBe('sip:1001@kefu.test');
  });
});
