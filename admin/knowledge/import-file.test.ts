import '../testing/setupDom.js';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './import-file.js';
import { importBatches } from './import-batches.js';

describe('reading an import file in the browser', () => {
  it('reads an XLSX sheet into text cells as the server would', async () => {
    const xlsx = await writeXlsxFile([
      [{ value: '问题' }, { value: '答案' }, { value: '启用' }],
      [{ value: '会员积分' }, { value: '<b>100</b> 积分抵 1 元' }, { value: '是' }],
      [{ value: 12345 }, null, { value: true }],
    ]).toBuffer();
    const read = await readImportFile(new File([new Uint8Array(xlsx)], '知识库.XLSX'));
    expect(read).toEqual({
      ok: true,
      rows: [
        ['问题', '答案', '启用'],
        ['会员积分', '<b>100</b> 积分抵 1 元', '是'],
        ['12345', '', 'true'],
      ],
    });
  });

  it('refuses a file that is not what its name says, or has nothing in it', async () => {
    expect(await readImportFile(new File(['问题,答案'], 'x.xlsx'))).toEqual({ ok: false, problem: 'notXlsx' });
    expect(await readImportFile(new File([' , \r\n,'], 'x.csv'))).toEqual({ ok: false, problem: 'noRows' });
  });

  it('keeps a big row alone in its batch and sends a header-only file as one batch', () => {
    const big = '长'.repeat(30_000);
    const batches = importBatches([
      ['问题', '答案'],
      ['a', big],
      ['b', big],
      ['c', 'd'],
    ])!;
    expect(batches.map((b) => b.rows)).toEqual([[2], [3, 4]]);
    expect(importBatches([[], ['问题', '答案']])).toEqual([{ csv: '问题,答案\r\n', rows: [] }]);
    expect(importBatches([[''], []])).toBeNull();
  });
});
