import { useState } from 'react';
import { Alert, App, Button, Empty, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../audit/audit-csv.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, LoadError, PageFrame } from '../app/PageFrame.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import type { KnowledgeEntry } from '../../shared/knowledge.js';
import { CategoriesModal } from './CategoriesModal.js';
import { EntryEditor } from './EntryEditor.js';
import { ImportModal } from './ImportModal.js';
import { exportCsv, exportFileName } from './knowledge-files.js';
import { knowledgeGroup, PUBLIC_SCOPE, scopeQuery, useContentScope, type ContentScope } from '../content/content-scope.js';
import { ContentScopeSelect } from '../content/ContentScopeSelect.js';

type State = 'enabled' | 'disabled';
interface Filter {
  q: string;
  categoryId: string | undefined;
  state: State | undefined;
}

/** What the list and the export ask the server for: only the filters in use. */
const queryOf = (filter: Filter) => ({
  ...(filter.q ? { q: filter.q } : {}),
  ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
  ...(filter.state ? { state: filter.state } : {}),
});

/**
 * 知识库: the entries agents search, a page at a time from the server (thousands stay quick), with
 * search, category and state filters, 启用 in the row, the editor, categories, import and export.
 * Entries and categories belong to a scope picked first: 公共 (the company's) or a 技能组's own; a
 * 组长 manages their group's only (no import or export: those are the company's).
 */
export function KnowledgePage() {
  const { t } = useTranslation();
  const { scope, setScope, isLeader, groups } = useContentScope();
  return (
    <PageFrame title={t('knowledge.title')}>
      <Space wrap className="admin-toolbar">
        <ContentScopeSelect scope={scope} groups={groups} allowPublic={!isLeader} onChange={setScope} />
        {isLeader ? <Typography.Text type="secondary">{t('content.scope.leaderHint')}</Typography.Text> : null}
      </Space>
      {scope === null ? (
        <Alert type="info" showIcon message={t('content.scope.noGroup')} />
      ) : (
        <ScopedKnowledge key={JSON.stringify(scope)} scope={scope} canImport={!isLeader} />
      )}
    </PageFrame>
  );
}

/** The entries and categories of one scope: a new scope is a new list, loaded afresh. */
function ScopedKnowledge({ scope, canImport }: { scope: ContentScope; canImport: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const { message, modal } = App.useApp();
  const [filter, setFilter] = useState<Filter>({ q: '', categoryId: undefined, state: undefined });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ entry: KnowledgeEntry | null } | null>(null);
  const [dialog, setDialog] = useState<'categories' | 'import' | null>(null);
  const [exporting, setExporting] = useState(false);

  const inScope = scopeQuery(scope);
  const groupId = knowledgeGroup(scope);
  const categories = useRemote(() => api.call('adminListKnowledgeCategories', { query: inScope }), `categories:${JSON.stringify(inScope)}`);
  const query = { ...inScope, ...queryOf(filter), limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
  const entries = useRemote(() => api.call('listKnowledgeEntries', { query }), JSON.stringify(query));
  const categoryList = categories.data ?? [];
  const categoryName = (id: string | null) => categoryList.find((c) => c.id === id)?.name;

  const refine = (change: Partial<Filter>) => {
    setFilter((previous) => ({ ...previous, ...change }));
    setPaging((previous) => ({ ...previous, page: 1 }));
  };
  const failed = (text: string) => void message.error(t('app.actionFailed', { message: text }));

  async function setEnabled(entry: KnowledgeEntry, enabled: boolean) {
    const result = await api.call('updateKnowledgeEntry', { params: { id: entry.id }, body: { enabled } });
    if (!result.ok) failed(result.error.message);
    entries.reload();
  }

  function remove(entry: KnowledgeEntry) {
    modal.confirm({
      title: t('knowledge.deleteTitle', { question: entry.question }),
      content: t('knowledge.deleteBody'),
      okText: t('knowledge.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await api.call('deleteKnowledgeEntry', { params: { id: entry.id } });
        if (!result.ok) return failed(result.error.message);
        void message.success(t('knowledge.deleted'));
        entries.reload();
      },
    });
  }

  async function exportAll() {
    setExporting(true);
    const result = await api.call('exportKnowledge', { query: { ...inScope, ...queryOf(filter) }, timeoutMs: 60_000 });
    setExporting(false);
    if (!result.ok) return failed(result.error.message);
    downloadText(exportFileName(new Date()), exportCsv(result.value, categoryList));
    void message.success(t('knowledge.exported', { count: result.value.length }));
  }

  const columns: ColumnsType<KnowledgeEntry> = [
    { title: t('knowledge.question'), dataIndex: 'question', key: 'question', ellipsis: true },
    { title: t('knowledge.category'), key: 'category', width: 140, render: (_, e) => categoryName(e.categoryId) ?? t('knowledge.noCategory') },
    {
      title: t('knowledge.keywords'),
      key: 'keywords',
      width: 220,
      render: (_, e) => (e.keywords.length > 0 ? e.keywords.map((k) => <Tag key={k}>{k}</Tag>) : t('app.none')),
    },
    {
      title: t('knowledge.enabled'),
      key: 'enabled',
      width: 80,
      render: (_, e) => (
        <Switch size="small" checked={e.enabled} aria-label={t('knowledge.enableAria', { question: e.question })} onChange={(on) => void setEnabled(e, on)} />
      ),
    },
    { title: t('knowledge.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', width: 170, render: (at: number) => formatDateTime(at, language) },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 130,
      render: (_, e) => (
        <Space size={0}>
          <Button type="link" size="small" aria-label={t('knowledge.editAria', { question: e.question })} onClick={() => setEditing({ entry: e })}>
            {t('knowledge.edit')}
          </Button>
          <Button type="link" size="small" danger aria-label={t('knowledge.deleteAria', { question: e.question })} onClick={() => remove(e)}>
            {t('knowledge.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <LoadError error={entries.error ?? categories.error} onRetry={() => (entries.reload(), categories.reload())} />
      <div className="admin-toolbar">
        <Input.Search
          type="search"
          allowClear
          aria-label={t('knowledge.search')}
          placeholder={t('knowledge.search')}
          style={{ width: 260 }}
          onSearch={(q) => refine({ q: q.trim() })}
        />
        <Select
          aria-label={t('knowledge.filterCategory')}
          style={{ width: 180 }}
          value={filter.categoryId ?? ''}
          onChange={(id: string) => refine({ categoryId: id || undefined })}
          options={[{ value: '', label: t('knowledge.allCategories') }, ...categoryList.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <Select
          aria-label={t('knowledge.filterState')}
          style={{ width: 140 }}
          value={filter.state ?? ''}
          onChange={(state: State | '') => refine({ state: state || undefined })}
          options={[
            { value: '', label: t('knowledge.allStates') },
            { value: 'enabled', label: t('knowledge.stateEnabled') },
            { value: 'disabled', label: t('knowledge.stateDisabled') },
          ]}
        />
        <Space className="admin-toolbar-end" wrap>
          <Button onClick={() => setDialog('categories')}>{t('knowledge.categories')}</Button>
          {canImport && scope === PUBLIC_SCOPE ? (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
                {t('knowledge.import')}
              </Button>
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportAll()}>
                {t('knowledge.export')}
              </Button>
            </>
          ) : null}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })}>
            {t('knowledge.create')}
          </Button>
        </Space>
      </div>
      <Table<KnowledgeEntry>
        caption={<HiddenCaption text={t('knowledge.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={entries.loading}
        dataSource={entries.data?.entries ?? []}
        columns={columns}
        locale={{ emptyText: <Empty description={t('knowledge.empty')} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: entries.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (count) => t('knowledge.total', { count }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
      {editing && <EntryEditor entry={editing.entry} groupId={groupId} categories={categoryList} onSaved={entries.reload} onClose={() => setEditing(null)} />}
      {dialog === 'categories' && (
        <CategoriesModal
          groupId={groupId}
          categories={categoryList}
          onChanged={() => (categories.reload(), entries.reload())}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'import' && <ImportModal onImported={() => (categories.reload(), entries.reload())} onClose={() => setDialog(null)} />}
    </>
  );
}
