/**
 * Page objects for the two people in every e2e test: an agent at the workstation (browser shell)
 * and a visitor in the widget. They find controls by their accessible names — the same names a
 * screen reader announces — so a control without one fails here first.
 */
import { expect, type Browser, type Page } from '@playwright/test';

export interface Account {
  account: string;
  password: string;
}
export const AGENT1: Account = { account: 'agent1', password: 'agent123' };
export const AGENT2: Account = { account: 'agent2', password: 'agent123' };
export const ADMIN: Account = { account: 'admin', password: 'admin123' };

export class AgentDesk {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, shellUrl: string): Promise<AgentDesk> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(shellUrl);
    return new AgentDesk(page);
  }

  /** Logs in, unless this workstation resumed a stored session (it keeps the agent's token). */
  async login(who: Account): Promise<void> {
    const form = this.page.getByLabel('账号');
    const status = this.page.getByLabel('我的状态');
    await expect(form.or(status).first()).toBeVisible();
    if (await status.isVisible()) return;
    await form.fill(who.account);
    await this.page.getByLabel('密码', { exact: true }).fill(who.password);
    await this.page.getByRole('button', { name: '登录' }).click();
    await expect(this.page.getByLabel('我的状态')).toBeVisible();
  }

  /** The first login of an account made in the console: 修改密码 comes before the workstation opens. */
  async loginChangingPassword(who: Account, newPassword: string): Promise<void> {
    await this.page.getByLabel('账号').fill(who.account);
    await this.page.getByLabel('密码', { exact: true }).fill(who.password);
    await this.page.getByRole('button', { name: '登录' }).click();
    await this.page.getByLabel('当前密码').fill(who.password);
    await this.page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await this.page.getByLabel('确认新密码').fill(newPassword);
    await this.page.getByRole('button', { name: '修改密码并进入' }).click();
    await expect(this.page.getByLabel('我的状态')).toBeVisible();
  }

  async setStatus(label: '在线' | '忙碌' | '离开'): Promise<void> {
    await this.page.getByLabel('我的状态').click();
    // exact: an option whose name merely contains the label must not match.
    await this.page
      .getByRole('option', { name: label, exact: true })
      .or(this.page.locator('.ant-select-dropdown').getByText(label, { exact: true }))
      .first()
      .click();
    await expect(this.page.getByRole('banner')).toContainText(label);
  }

  /** The row of 访客列表 (a list item holding the conversation's button and its 结束对话 button). */
  visitorRow(roomNo: string) {
    return this.page.getByRole('list', { name: '访客列表' }).getByRole('listitem').filter({ hasText: roomNo });
  }

  async openConversation(roomNo: string): Promise<void> {
    await this.visitorRow(roomNo).click();
    await expect(this.page.getByRole('region', { name: `消息列表 ${roomNo}` })).toBeVisible();
  }

  messageLog() {
    return this.page.getByRole('log', { name: '消息列表' });
  }

  async send(text: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: '输入消息' });
    await input.fill(text);
    await input.press('Enter');
  }
}

export class VisitorWidget {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, serverUrl: string, query = ''): Promise<VisitorWidget> {
    const context = await browser.newContext({ viewport: { width: 420, height: 720 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${serverUrl}/widget${query}`);
    return new VisitorWidget(page);
  }

  async startChat(): Promise<void> {
    await this.page.getByRole('button', { name: '开始咨询' }).click();
  }

  /** The room number shown to nobody but useful to find the row at the workstation. */
  async roomNo(serverUrl: string): Promise<string> {
    const token = await this.token();
    const res = await fetch(`${serverUrl}/api/visitor/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const body = (await res.json()) as { conversation: { roomNo: string } | null };
    if (!body.conversation) throw new Error('visitor has no open conversation');
    return body.conversation.roomNo;
  }

  async token(): Promise<string> {
    const token = await this.page.evaluate(() => localStorage.getItem('kefu.widget.token'));
    if (!token) throw new Error('the widget has no visitor token yet');
    return token;
  }

  async send(text: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: '输入消息' });
    await input.fill(text);
    await input.press('Enter');
  }

  async type(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '输入消息' }).pressSequentially(text, { delay: 20 });
  }
}
