/**
 * Canned files (常用文件) at the workstation: an admin uploads a public file over REST and it
 * appears in the agent's open panel without a reload (the realtime "phrases changed" hint); the
 * agent sends it into a conversation and the visitor downloads exactly the same bytes; an agent
 * cannot delete a public file.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { login } from './support/api.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

/** A small but real PDF-looking file (the server checks the type by its bytes). */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% 常用文件\n'), Buffer.from(Array.from({ length: 40_000 }, (_, i) => i % 251))]);

async function uploadPublic(serverUrl: string, token: string, name: string, bytes: Buffer): Promise<{ id: string }> {
  const res = await fetch(`${serverUrl}/api/file-phrases?scope=public&categoryId=pc-files&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string };
}

test('a public file appears live, is sent as a file message, and the visitor downloads the same bytes', async ({ browser }, testInfo) => {
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await visitor.startChat();
  await visitor.send('请发一下价格表');
  const roomNo = await visitor.roomNo(stack.server.url);
  await agent.openConversation(roomNo);

  const page = agent.page;
  // antd's Segmented hides its radio inputs; its visible label takes the click.
  await page.locator('.ant-segmented').getByText('常用文件', { exact: true }).click();
  const files = page.getByRole('region', { name: '常用文件' });
  await expect(files.getByText('暂无常用文件')).toBeVisible();

  // The admin's upload reaches the open panel with no reload and no re-login.
  const adminToken = await login(stack.server.url);
  const uploaded = await uploadPublic(stack.server.url, adminToken, '价格表.pdf', PDF);
  const item = files.getByRole('button', { name: '发送文件 价格表.pdf' });
  // Filed under the public category the install seeds for files.
  await expect(files.getByText('产品资料 (1)')).toBeVisible();
  await expect(item).toBeVisible();
  // Size and type are shown beside the name, as the button's description.
  await expect(item).toHaveAccessibleDescription(/PDF/);
  await page.screenshot({ path: testInfo.outputPath('phrases-files-panel.png') });

  // A click asks first; confirming sends a file message into the conversation in view.
  await item.click();
  await page.getByRole('tooltip').getByRole('button', { name: '发送' }).click();
  const download = visitor.page.getByRole('link', { name: '下载 价格表.pdf' });
  await expect(download).toBeVisible();
  await expect(agent.messageLog().getByText('价格表.pdf')).toBeVisible();

  const [saved] = await Promise.all([visitor.page.waitForEvent('download'), download.click()]);
  expect(saved.suggestedFilename()).toBe('价格表.pdf');
  const bytes = await readFile((await saved.path())!);
  expect(bytes.equals(PDF)).toBe(true);

  // The agent's own file: uploaded from the panel, listed under 我的文件, deletable by them.
  await files.getByLabel('选择文件').setInputFiles({ name: '我的名片.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(files.getByRole('button', { name: '发送文件 我的名片.pdf' })).toBeVisible();
  await expect(files.getByText('我的文件 (1)')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('phrases-files-panel-mine.png') });
  await files.getByRole('button', { name: /删除 我的名片\.pdf/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(files.getByRole('button', { name: '发送文件 我的名片.pdf' })).toHaveCount(0);

  // An agent may not delete a public file: the panel offers no button and the server refuses.
  await expect(files.getByRole('button', { name: '删除 价格表.pdf' })).toHaveCount(0);
  const agentToken = await login(stack.server.url, AGENT1);
  const refused = await fetch(`${stack.server.url}/api/file-phrases/${uploaded.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${agentToken}` } });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  await expect(item).toBeVisible();
});
