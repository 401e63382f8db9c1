/**
 * The chat spine through nginx in front of three backend nodes on one PostgreSQL and one Redis
 * (README, "Several nodes"): the workstations and the widget only know nginx's address, so the
 * agent's and the visitor's connections land on different nodes. Messages and the live view of
 * the visitor's draft cross between nodes; then one node stops and the chat goes on.
 */
import { expect, test } from '@playwright/test';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { startServer, startWorkstation, tempDir, type ManagedProcess } from './support/processes.js';
import { startNginx, type NginxServer } from '../../server/testing/engines/nginx.js';
import { startPostgres, type PostgresServer } from '../../server/testing/engines/postgres.js';
import { startRedis, type RedisServer } from '../../server/testing/engines/redis.js';

test.describe.configure({ mode: 'serial' });

let postgres: PostgresServer;
let redis: RedisServer;
let nginx: NginxServer;
const nodes: ManagedProcess[] = [];
let desk: ManagedProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startPostgres({ settings: { fsync: 'off' } });
  redis = await startRedis();
  const databaseUrl = await postgres.createDatabase();
  const env = (n: number) => ({ KEFU_DATABASE_URL: databaseUrl, KEFU_REDIS_URL: redis.url, KEFU_NODE_ID: `node-${n}`, KEFU_PRESENCE_HEARTBEAT_MS: '500' });
  // The first node creates the schema and the demo accounts; the others join it.
  nodes.push(await startServer(tempDir('node'), env(1)));
  nodes.push(...(await Promise.all([2, 3].map((n) => startServer(tempDir('node'), env(n))))));
  nginx = await startNginx(nodes.map((node) => Number(new URL(node.url).port)));
  desk = await startWorkstation(nginx.url);
});

test.afterAll(async () => {
  await desk?.stop();
  await nginx?.stop();
  for (const node of nodes) await node.stop();
  await redis?.stop();
  await postgres?.stop();
});

test('through nginx and three nodes: assignment, messages both ways and the live view of the draft; the chat goes on when a node stops', async ({
  browser,
}) => {
  const agent = await AgentDesk.open(browser, desk.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  const visitor = await VisitorWidget.open(browser, nginx.url);
  await visitor.startChat();
  await expect(visitor.page.getByText('客服 小王 为您服务')).toBeVisible();
  await visitor.send('你好，我在三台服务器后面');
  const roomNo = await visitor.roomNo(nginx.url);
  await agent.openConversation(roomNo);
  await expect(agent.messageLog().getByText('你好，我在三台服务器后面')).toBeVisible();

  // The visitor's draft reaches the agent's 实时查看 from whichever node the widget sits on.
  await visitor.type('我还想问运费');
  await expect(agent.page.getByRole('region', { name: '实时查看' }).getByText('我还想问运费')).toBeVisible();
  await visitor.page.getByRole('textbox', { name: '输入消息' }).fill('');

  await agent.send('您好，请讲');
  await expect(visitor.page.getByText('您好，请讲')).toBeVisible();

  // One node stops: whoever was on it reconnects through nginx to another, and the chat goes on.
  await nodes[1]!.stop();
  await visitor.send('运费谁出？');
  await expect(agent.messageLog().getByText('运费谁出？')).toBeVisible();
  await agent.send('我们承担');
  await expect(visitor.page.getByText('我们承担')).toBeVisible();
});
