import { describe, expect, it } from 'vitest';
import { toCsv } from './audit-csv.js';

describe('toCsv', () => {
  it('starts with a BOM for Excel, quotes what needs it and keeps formulas as text', () => {
    const csv = toCsv(
      ['时间', '变更'],
      [
        ['2026-01-05', '昵称：小王 → "王二", 售前'],
        ['x', '=cmd()'],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('时间,变更\r\n2026-01-05,"昵称：小王 → ""王二"", 售前"\r\nx,\'=cmd()\r\n');
  });
});
