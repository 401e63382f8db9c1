import '../testing/setupDom.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { ImportModal } from './ImportModal.js';
import { fail, ok } from '../../shared/errors.js';
import { parseCsv, writeCsv } from '../../shared/csv.js';

afterEach(cleanup);

/** What the fake server received: each batch's rows, decoded. */
function decoded(dataBase64: string): string[][] {
  return parseCsv(new TextDecoder().decode(Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))));
}

function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  fireEvent.change(input, { target: { files: [file] } });
}

describe('ImportModal', () => {
  it('sends the rows in batches with the header, shows progress, and maps each bad row to its row in the file', async () => {
    const batches: string[][][] = [];
    let release = () => {};
    const secondBatchHeld = new Promise<void>((resolve) => (release = resolve));
    const api = new FakeApi({
      importKnowledge: async ({ body }) => {
        const rows = decoded(body!.dataBase64);
        batches.push(rows);
        if (batches.length === 2) await secondBatchHeld;
        // The second data row of every batch is refused, as the server numbers it (header = 1).
        return ok({ imported: rows.length - 2, errors: [{ row: 3, message: `坏行 ${rows[2]![0]}` }] });
      },
    });
    const onImported = vi.fn();
    renderAdmin(<ImportModal onImported={onImported} onClose={() => undefined} />, api);
    const rows = [['问题', '答案'], ...Array.from({ length: 150 }, (_, i) => [`问题${i + 2}`, `答案, "${i}"\n第二行`])];
    // A blank line in the file is skipped but still counts in the row numbers, like the server's.
    const csv = `\uFEFF${writeCsv(rows.slice(0, 51))}\r\n${writeCsv(rows.slice(51))}`;
    choose(new File([csv], '知识库.csv', { type: 'text/csv' }));
    fireEvent.click(await screen.findByRole('button', { name: '开始导入' }));
    // While the second batch is with the server, the first one's rows are done.
    expect((await screen.findByText('已处理 100 / 150 行')).closest('[role=status]')?.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe(
      '66',
    );
    release();

    const result = await screen.findByText('导入完成：成功 148 条，失败 2 条', undefined, { timeout: 5000 });
    expect(result).toBeTruthy();
    expect(batches.map((b) => b.length)).toEqual([101, 51]);
    expect(batches.every((b) => b[0]!.join() === '问题,答案')).toBe(true);
    expect(batches[1]![1]).toEqual(['问题102', '答案, "100"\n第二行']);
    const table = screen.getByRole('table', { name: '导入失败的行' });
    expect([...within(table).getAllByRole('row')].slice(1).map((r) => r.textContent)).toEqual(['3坏行 问题3', '104坏行 问题103']);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('shows the refusal of the file as a whole, and refuses what is not a spreadsheet or not UTF-8', async () => {
    const api = new FakeApi({ importKnowledge: () => fail('VALIDATION_FAILED', 'The first row must name the columns 问题 (question) and 答案 (answer)') });
    renderAdmin(<ImportModal onImported={() => undefined} onClose={() => undefined} />, api);
    choose(new File(['a,b\nc,d'], 'x.csv'));
    fireEvent.click(await screen.findByRole('button', { name: '开始导入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('导入失败：The first row must name the columns');

    choose(new File(['问题,答案'], 'notes.txt'));
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请选择 .csv 或 .xlsx 文件');

    choose(new File([Uint8Array.from([0xce, 0xca, 0xcc, 0xe2, 0x2c, 0xb4, 0xf0])], 'gbk.csv'));
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('不是 UTF-8 编码');
    expect(api.callsOf('importKnowledge')).toHaveLength(1);
  });
});
