/**
 * 批量导入客服 through the route, with real XLSX and CSV files: each kind of bad row reported by
 * number and column while the good rows go in, a group leader limited to their own group row by
 * row, and whole-file refusals (not a spreadsheet, too big, empty, no header) that change nothing.
 */
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_IMPORT_LIMITS, type AgentImportResult } from '../../../shared/agent-import.js';
import type { AdminAgent, AdminGroup, AuditPage } from '../../../shared/index.js';
import { call, loginAs } from '../../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../../testing/scene.js';
import { SEED_CREDENTIALS } from '../../store/seed.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };
const PASSWORD = 'Daoru-2026x';
const PATH = '/api/admin/agents/import';

const xlsxOf = async (rows: (string | number | null)[][]): Promise<string> =>
  (await writeXlsxFile(rows.map((row) => row.map((value) => (value === null ? null : { value }))))).toBuffer().then((b) => b.toString('base64'));
const csvOf = (lines: string[]): string => Buffer.from(`\uFEFF${lines.join('\r\n')}`).toString('base64');

describe('importing agents from a spreadsheet', () => {
  let scene: Scene;
  let presales: AdminGroup;
  let aftersales: AdminGroup;
  const api = <T>(method: string, path: string, token: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });
  const importAs = (token: string, fileName: string, dataBase64: string) => api<AgentImportResult & ErrorBody>('POST', PATH, token, { fileName, dataBase64 });
  const agentsNamed = async (prefix: string) =>
    (await api<AdminAgent[]>('GET', `/api/admin/agents?state=all&q=${prefix}`, scene.admin.token)).body.sort((a, b) => a.account.localeCompare(b.account));

  beforeAll(async () => {
    scene = await createScene();
    presales = (await api<AdminGroup>('POST', '/api/admin/groups', scene.admin.token, { name: '售前组' })).body;
    aftersales = (await api<AdminGroup>('POST', '/api/admin/groups', scene.admin.token, { name: '售后组' })).body;
  });
  afterAll(() => scene.dispose());

  it('an XLSX with 中文 headers: good rows go in as createAgent makes them, each bad row is reported by row and column', async () => {
    const existing = SEED_CREDENTIALS.agents[0].account;
    const file = await xlsxOf([
      ['账号', '昵称', '密码', '角色', '技能组', '最大接线量'],
      ['x.wang', '小王', PASSWORD, '客服', '售前组', 8], // 2 ok
      ['x.li', '小李', PASSWORD, '组长', '售后组', null], // 3 ok: a leader, default 最大接线量
      ['x.zhao', '小赵', PASSWORD, 'admin', null, '3'], // 4 ok: English role word, no group
      [null, '没账号', PASSWORD, null, null, null], // 5 account missing
      ['bad account!', '坏账号', PASSWORD, null, null, null], // 6 account pattern
      ['x.weak', '弱密码', 'short', null, null, null], // 7 password policy
      ['x.role', '角色错', PASSWORD, '经理', null, null], // 8 unknown role
      ['x.group', '组错', PASSWORD, null, '不存在的组', null], // 9 unknown group
      ['x.max', '接线量错', PASSWORD, null, null, 'abc'], // 10 not a number
      ['x.big', '接线量大', PASSWORD, null, null, 99], // 11 over the ceiling
      ['X.Wang', '重复', PASSWORD, null, null, null], // 12 duplicate of row 2 (accounts ignore case)
      [existing, '已存在', PASSWORD, null, null, null], // 13 taken by an existing account
      ['x.nick', null, PASSWORD, null, null, null], // 14 nickname missing
      ['x.same.pw', '同账号密码', 'X.Same.PW', null, null, null], // 15 password is the account
    ]);
    const res = await importAs(scene.admin.token, '客服名单.xlsx', file);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(3);
    expect(res.body.errors.map((e) => [e.row, e.column])).toEqual([
      [5, 'account'],
      [6, 'account'],
      [7, 'password'],
      [8, 'role'],
      [9, 'group'],
      [10, 'maxConcurrent'],
      [11, 'maxConcurrent'],
      [12, 'account'],
      [13, 'account'],
      [14, 'nickname'],
      [15, 'password'],
    ]);
    expect(res.body.errors.find((e) => e.row === 12)?.message).toContain('row 2');
    expect(res.body.errors.find((e) => e.row === 13)?.message).toContain('already exists');

    const created = await agentsNamed('x.');
    expect(created.map((a) => [a.account, a.nickname, a.role, a.groupId, a.maxConcurrent])).toEqual([
      ['x.li', '小李', 'leader', aftersales.id, 5],
      ['x.wang', '小王', 'agent', presales.id, 8],
      ['x.zhao', '小赵', 'admin', null, 3],
    ]);
    // A real account with the file's password.
    expect((await loginAs(scene.server.url, 'x.wang', PASSWORD)).agentId).toBe(created[1]!.id);
    // The audit log has each new account, as if made by hand.
    const audit = await api<AuditPage>('GET', '/api/admin/audit?action=agent.create', scene.admin.token);
    expect(audit.body.entries.filter((e) => created.some((a) => a.id === e.targetId))).toHaveLength(3);
  });

  it('a CSV with English headers in another order, quoted cells and empty lines', async () => {
    const file = csvOf([
      'nickname,ACCOUNT,password,group',
      '"陈, 晨",c.chen,' + PASSWORD + ',售前组',
      '',
      ',c.empty,' + PASSWORD + ',',
      'c.noaccount-nick,,' + PASSWORD + ',',
    ]);
    const res = await importAs(scene.admin.token, 'agents.CSV', file);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: 1,
      errors: [
        { row: 4, column: 'nickname', message: expect.any(String) },
        { row: 5, column: 'account', message: expect.any(String) },
      ],
    });
    expect((await agentsNamed('c.chen')).map((a) => [a.nickname, a.groupId])).toEqual([['陈, 晨', presales.id]]);
  });

  it("a group leader's import creates agents of their own group only: other groups and roles are refused row by row", async () => {
    await api('POST', '/api/admin/agents', scene.admin.token, {
      account: 'l.leader',
      password: PASSWORD,
      nickname: '组长',
      role: 'leader',
      groupId: presales.id,
    });
    const leader = await loginAs(scene.server.url, 'l.leader', PASSWORD);
    // An account made in the console chooses its own password first.
    expect((await api('PUT', '/api/me/password', leader.token, { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` })).status).toBe(200);
    const file = await xlsxOf([
      ['账号', '昵称', '密码', '角色', '技能组'],
      ['l.own', '本组', PASSWORD, null, '售前组'],
      ['l.default', '默认组', PASSWORD, null, null],
      ['l.other', '别组', PASSWORD, null, '售后组'],
      ['l.boss', '升职', PASSWORD, '组长', null],
      ['l.admin', '管理员', PASSWORD, '管理员', '售前组'],
    ]);
    const res = await importAs(leader.token, 'team.xlsx', file);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(2);
    expect(res.body.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'group'],
      [5, 'role'],
      [6, 'role'],
    ]);
    expect(res.body.errors.every((e) => e.message.length > 0)).toBe(true);
    const made = await agentsNamed('l.');
    expect(made.map((a) => [a.account, a.groupId, a.role])).toEqual([
      ['l.default', presales.id, 'agent'],
      ['l.leader', presales.id, 'leader'],
      ['l.own', presales.id, 'agent'],
    ]);
  });

  it('refuses a whole file that is no spreadsheet, too big, empty or without the header, and an agent, changing nothing', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const before = dbFingerprint(scene.server);
    const refusals: [string, string, number, string][] = [
      ['photo.png', csvOf(['账号,昵称,密码', `z.a,甲,${PASSWORD}`]), 400, 'VALIDATION_FAILED'], // not .csv/.xlsx
      ['agents.xlsx', png.toString('base64'), 400, 'VALIDATION_FAILED'], // not a workbook
      ['agents.xlsx', csvOf(['账号,昵称,密码', `z.a,甲,${PASSWORD}`]), 400, 'VALIDATION_FAILED'], // CSV under an XLSX name
      ['agents.csv', png.toString('base64'), 400, 'VALIDATION_FAILED'], // binary under a CSV name
      ['agents.csv', Buffer.from('账号,昵称\u0000,密码\n').toString('base64'), 400, 'VALIDATION_FAILED'], // NUL: no text
      ['agents.csv', Buffer.alloc(AGENT_IMPORT_LIMITS.bytesMax + 1, 'a').toString('base64'), 413, 'PAYLOAD_TOO_LARGE'],
      ['agents.csv', Buffer.alloc(AGENT_IMPORT_LIMITS.bytesMax * 2, 'a').toString('base64'), 413, 'PAYLOAD_TOO_LARGE'], // over the JSON body limit
      ['agents.csv', '', 400, 'VALIDATION_FAILED'],
      ['agents.csv', csvOf(['', ' , ', '']), 400, 'VALIDATION_FAILED'], // no rows
      ['agents.csv', csvOf(['账号,密码', `z.a,${PASSWORD}`]), 400, 'VALIDATION_FAILED'], // no 昵称 column
      [
        'agents.csv',
        csvOf(['账号,昵称,密码', ...Array.from({ length: AGENT_IMPORT_LIMITS.rowsMax + 1 }, (_, i) => `z.${i},n,${PASSWORD}`)]),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ];
    for (const [fileName, data, status, code] of refusals) {
      const res = await importAs(scene.admin.token, fileName, data);
      expect(res.status, `${fileName} ${data.slice(0, 40)}`).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const header = csvOf(['账号,昵称,密码', `z.a,甲,${PASSWORD}`]);
    const bad = await api<ErrorBody>('POST', PATH, scene.admin.token, { fileName: 'a.csv', dataBase64: header, extra: 1 });
    expect(bad.status).toBe(400);
    expect((await api<ErrorBody>('POST', PATH, scene.admin.token, { dataBase64: header })).status).toBe(400);
    const byAgent = await importAs(scene.agent1.token, 'a.csv', header);
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.code).toBe('FORBIDDEN');
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
