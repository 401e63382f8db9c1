import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, agent, group } from '../testing/fixtures.js';
import { useSessionStore } from '../session/sessionStore.js';
import { ImportAgentsModal } from './ImportAgentsModal.js';
import { AgentsPage } from './AgentsPage.js';
import { agentTemplateCsv } from './agent-import-template.js';
import { fail, ok } from '../../shared/errors.js';
import { parseCsv } from '../../shared/csv.js';
import { AGENT_IMPORT_COLUMNS, AGENT_IMPORT_LIMITS, type AgentImportResult } from '../../shared/agent-import.js';

beforeEach(() => useSessionStore.getState().signedIn('token', agent({ id: 'me', account: 'boss', role: 'admin' })));
afterEach(cleanup);

const decoded = (dataBase64: string): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0)));

function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  fireEvent.change(input, { target: { files: [file] } });
}

describe('ImportAgentsModal', () => {
  it('uploads the file with its progress, waits for the server, then lists each row not imported with its column', async () => {
    let release = (_: AgentImportResult) => {};
    let progress = (_sent: number, _total: number) => {};
    const api = new FakeApi({
      importAgents: ({ onUploadProgress }) => {
        progress = onUploadProgress!;
        return new Promise((resolve) => (release = (value) => resolve(ok(value))));
      },
    });
    const onImported = vi.fn();
    renderAdmin(<ImportAgentsModal onImported={onImported} onClose={() => undefined} />, api);
    const csv = '\uFEFF账号,昵称,密码\r\nwang,小王,Kefu-2026-a\r\n';
    choose(new File([csv], '客服.csv', { type: 'text/csv' }));
    expect(await screen.findByText('已选择：客服.csv')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));

    await waitFor(() => expect(api.callsOf('importAgents')).toHaveLength(1));
    const sent = api.callsOf('importAgents')[0]!.options.body as unknown as { fileName: string; dataBase64: string };
    expect(sent.fileName).toBe('客服.csv');
    expect(decoded(sent.dataBase64)).toBe(csv);

    act(() => progress(40, 100));
    const bar = await screen.findByRole('progressbar', { name: '上传进度' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'));
    act(() => progress(100, 100));
    expect(await screen.findByText('已上传，正在逐行创建账号，请稍候…')).toBeTruthy();
    expect(onImported).not.toHaveBeenCalled();

    act(() =>
      release({
        created: 3,
        errors: [
          { row: 5, column: 'account', message: 'The same account as row 2' },
          { row: 7, column: 'maxConcurrent', message: 'The 最大接线量 is not a whole number' },
          { row: 9, column: null, message: 'could not be stored' },
        ],
      }),
    );
    expect(await screen.findByText('导入完成：创建 3 个客服，3 行未导入')).toBeTruthy();
    const table = screen.getByRole('table', { name: '未导入的行' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['5账号The same account as row 2', '7最大接线量The 最大接线量 is not a whole number', '9整行could not be stored']);
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: '开始导入' }).hasAttribute('disabled')).toBe(true);
  });

  it("shows the server's refusal of the whole file, and refuses a file that is no spreadsheet or too big without sending it", async () => {
    const api = new FakeApi({
      importAgents: () => fail('VALIDATION_FAILED', 'The first row must name the columns 账号 (account), 昵称 (nickname) and 密码 (password)'),
    });
    const onImported = vi.fn();
    renderAdmin(<ImportAgentsModal onImported={onImported} onClose={() => undefined} />, api);
    choose(new File(['a,b\nc,d'], 'x.xlsx'));
    fireEvent.click(await screen.findByRole('button', { name: '开始导入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('导入失败：The first row must name the columns 账号');

    choose(new File(['账号,昵称,密码'], 'agents.txt'));
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请选择 .csv 或 .xlsx 文件');

    choose(new File([new Uint8Array(AGENT_IMPORT_LIMITS.bytesMax + 1)], 'big.csv'));
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('文件不能超过 180 KB');
    expect(api.callsOf('importAgents')).toHaveLength(1);
    expect(onImported).not.toHaveBeenCalled();
  });

  it('the template names every column the import reads, in the console language, with a BOM for Excel', () => {
    const zh = agentTemplateCsv('zh-CN');
    expect(zh.startsWith('\uFEFF')).toBe(true);
    const [header] = parseCsv(zh);
    expect(header).toEqual(['账号', '昵称', '密码', '角色', '技能组', '最大接线量']);
    const [english] = parseCsv(agentTemplateCsv('en'));
    expect(english).toEqual(['account', 'nickname', 'password', 'role', 'group', 'maxConcurrent']);
    // The server matches headers against the same lists.
    const names = Object.values(AGENT_IMPORT_COLUMNS);
    for (const name of [...header!, ...english!]) expect(names.some((list) => list.includes(name))).toBe(true);
  });

  it('downloads the template and opens from the agents page, whose list shows each avatar', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:template';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const api = new FakeApi({
      adminListAgents: () => ok([adminAgent({ avatarId: 'av-1' }), adminAgent({ id: 'a2', account: 'agent2', nickname: '李雷', avatarId: null })]),
      adminListGroups: () => ok([group()]),
      listLockouts: () => ok([]),
    });
    renderAdmin(<AgentsPage />, api);
    const table = await screen.findByRole('table', { name: '客服列表' });
    const picture = await within(table).findByRole('img', { name: '小王 的头像' });
    expect(picture.getAttribute('src') ?? picture.querySelector('img')?.getAttribute('src')).toBe('/api/avatars/av-1');
    expect(within(table).getByRole('img', { name: '李雷 的头像' }).textContent).toBe('李');

    fireEvent.click(screen.getByRole('button', { name: '批量导入' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('批量导入客服');
    fireEvent.click(within(dialog).getByRole('button', { name: /下载模板/ }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(created[0]!.type).toContain('text/csv');
  });
});
