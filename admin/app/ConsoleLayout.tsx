import { useEffect, useMemo, useState } from 'react';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EyeOutlined,
  BookOutlined,
  BgColorsOutlined,
  FolderOpenOutlined,
  MessageOutlined,
  NotificationOutlined,
  SendOutlined,
  SettingOutlined,
  StopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useSessionStore } from '../session/sessionStore.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { pageFromHash, pagesFor, type PageName } from './pages.js';
import { AgentsPage } from '../agents/AgentsPage.js';
import { GroupsPage } from '../groups/GroupsPage.js';
import { TopicsPage } from '../topics/TopicsPage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { AuditPage } from '../audit/AuditPage.js';
import { BlacklistPage } from '../blacklist/BlacklistPage.js';
import { NoticesPage } from '../notices/NoticesPage.js';
import { InvitationsPage } from '../invitations/InvitationsPage.js';
import { MonitorPage } from '../monitor/MonitorPage.js';
import { SupervisionPage } from '../supervision/SupervisionPage.js';
import { KnowledgePage } from '../knowledge/KnowledgePage.js';
import { ContentPage } from '../content/ContentPage.js';
import { ReportsPage } from '../reports/ReportsPage.js';
import { WidgetSettingsPage } from '../widget-settings/WidgetSettingsPage.js';

const ICONS: Record<PageName, React.ReactNode> = {
  agents: <UserOutlined />,
  groups: <TeamOutlined />,
  monitor: <DashboardOutlined />,
  supervision: <EyeOutlined />,
  reports: <BarChartOutlined />,
  topics: <MessageOutlined />,
  settings: <SettingOutlined />,
  widget: <BgColorsOutlined />,
  blacklist: <StopOutlined />,
  notices: <NotificationOutlined />,
  invitations: <SendOutlined />,
  knowledge: <BookOutlined />,
  content: <FolderOpenOutlined />,
  audit: <AuditOutlined />,
};

function PageBody({ page }: { page: PageName }) {
  switch (page) {
    case 'agents':
      return <AgentsPage />;
    case 'groups':
      return <GroupsPage />;
    case 'monitor':
      return <MonitorPage />;
    case 'supervision':
      return <SupervisionPage />;
    case 'reports':
      return <ReportsPage />;
    case 'topics':
      return <TopicsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'widget':
      return <WidgetSettingsPage />;
    case 'blacklist':
      return <BlacklistPage />;
    case 'notices':
      return <NoticesPage />;
    case 'invitations':
      return <InvitationsPage />;
    case 'knowledge':
      return <KnowledgePage />;
    case 'content':
      return <ContentPage />;
    case 'audit':
      return <AuditPage />;
  }
}

/** The logged-in console: the menu beside, the admin, language and 退出登录 above, one page in the middle. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const api = useApi();
  const admin = useSessionStore((s) => s.admin);
  const role = admin?.role;
  const pages = useMemo(() => pagesFor(role), [role]);
  const [page, setPage] = useState<PageName>(() => pageFromHash(location.hash, pages));

  useEffect(() => {
    const follow = () => setPage(pageFromHash(location.hash, pages));
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [pages]);

  useEffect(() => {
    document.title = `${t(`nav.${page}`)} · ${t('app.title')}`;
  }, [page, t]);

  async function logout() {
    await api.call('logout');
    useSessionStore.getState().signedOut(null);
  }

  return (
    <Layout className="admin-shell" style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" className="admin-sider">
        <div className="admin-brand">{t('app.title')}</div>
        <nav aria-label={t('app.mainNav')}>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            items={pages.map((name) => ({ key: name, icon: ICONS[name], label: t(`nav.${name}`) }))}
            onClick={({ key }) => {
              location.hash = `#/${key}`;
              setPage(key as PageName);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="admin-header">
          <Typography.Text className="admin-header-title">{t('app.product')}</Typography.Text>
          <Space size="middle">
            <Typography.Text>
              {t('app.signedInAs', { role: t(`role.${admin?.role ?? 'admin'}`), nickname: admin?.nickname ?? '', account: admin?.account ?? '' })}
            </Typography.Text>
            <LanguageSwitch />
            <Button onClick={() => void logout()}>{t('app.logout')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="admin-content">
          <PageBody page={page} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
