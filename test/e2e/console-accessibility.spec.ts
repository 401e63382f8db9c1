/**
 * Every page of 管理中心 (and its create dialogs) through axe-core at the two screen sizes admins
 * use, 1366×768 and 1920×1080, in Chinese and in English: no serious or critical violation.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN } from './support/pages.js';
import { useStack } from './support/stack.js';
import { expectAccessible } from './support/axe.js';

const stack = useStack(0);

const PAGES = [
  { nav: '客服管理', dialog: '新建客服' },
  { nav: '技能组', dialog: '新建技能组' },
  { nav: '实时监控', dialog: null },
  { nav: '对话主题', dialog: null },
  { nav: '公司设置', dialog: null },
  { nav: '访客端设置', dialog: null },
  { nav: '通知', dialog: null },
  { nav: '自动邀请', dialog: '新增规则' },
  { nav: '对话监控', dialog: null },
  { nav: '报表', dialog: null },
  { nav: '黑名单', dialog: '加入黑名单' },
  { nav: '知识库', dialog: '新建条目' },
  { nav: '内容管理', dialog: '新建常用语' },
  { nav: '操作日志', dialog: null },
] as const;

async function loggedInConsole(browser: Browser, width: number, height: number): Promise<Page> {
  // bypassCSP: the console forbids inline scripts, and axe is injected as one.
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${stack.server.url}/admin`);
  await expectAccessible(page, `console login ${width}×${height}`);
  await page.getByLabel('账号').fill(ADMIN.account);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '管理中心导航' })).toBeVisible();
  return page;
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`console pages at ${width}×${height} pass axe`, async ({ browser }) => {
    const page = await loggedInConsole(browser, width, height);
    const nav = page.getByRole('navigation', { name: '管理中心导航' });
    for (const { nav: label, dialog } of PAGES) {
      await nav.getByText(label).click();
      await expect(page.getByRole('heading', { name: label, level: 1 }).or(page.getByRole('main').getByText(label).first()).first()).toBeVisible();
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
      await expectAccessible(page, `${label} ${width}×${height}`);
      if (dialog) {
        await page.getByRole('button', { name: dialog }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectAccessible(page, `${dialog} dialog ${width}×${height}`);
        await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }
    }
  });
}
