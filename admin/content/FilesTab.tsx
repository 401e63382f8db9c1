import { useMemo, useState } from 'react';
import { App, Button, Empty, Input, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, LoadError } from '../app/PageFrame.js';
import { NameModal } from '../forms/NameModal.js';
import { FILE_PHRASE_LIMITS, filePhraseMatches, formatFileSize, type FilePhrase } from '../../shared/file-phrases.js';
import { RowActions, useRowChanges } from './RowActions.js';
import { useScopedPhrases } from './useScopedPhrases.js';
import { phraseOwner, scopeQuery, type ContentScope } from './content-scope.js';
import { byCategory, NO_CATEGORY } from './by-category.js';
import { readBytes } from './read-bytes.js';

/** An upload's scope in its query: a group file names its group; a public one names none. */
function uploadOwner(scope: ContentScope) {
  const { scope: kind, groupId } = phraseOwner(scope);
  return groupId === null ? { scope: kind } : { scope: kind, groupId };
}

interface Uploading {
  name: string;
  percent: number;
}

/**
 * 常用文件: the canned files of one scope (公共 or a group's) — upload (with progress; the server checks the type by the
 * bytes), rename, move to another category, delete (asked first; files already sent stay).
 */
export function FilesTab({ scope }: { scope: ContentScope }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const rows = useRowChanges();
  const phrases = useScopedPhrases(scope);
  const listFilter = scopeQuery(scope);
  const files = useRemote(() => api.call('adminListFilePhrases', { query: listFilter }), `file-phrases:${JSON.stringify(listFilter)}`);
  const categories = phrases.categories;
  const [target, setTarget] = useState<string>(NO_CATEGORY);
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [renaming, setRenaming] = useState<FilePhrase | null>(null);
  const [query, setQuery] = useState('');

  const shown = useMemo(() => byCategory(files.data?.files ?? [], categories).filter((f) => filePhraseMatches(f, query)), [files.data, categories, query]);
  const categoryOptions = [{ value: NO_CATEGORY, label: t('content.uncategorised') }, ...categories.map((c) => ({ value: c.id, label: c.name }))];

  async function sendFile(file: File) {
    return api.call('uploadFilePhrase', {
      query: { ...uploadOwner(scope), name: file.name, ...(target === NO_CATEGORY ? {} : { categoryId: target }) },
      bytes: await readBytes(file),
      // Big files on a slow line take a while; the progress bar shows it is moving.
      timeoutMs: 300_000,
      onUploadProgress: (sent, total) => setUploading({ name: file.name, percent: Math.floor((sent / total) * 100) }),
    });
  }

  async function upload(file: File) {
    if (file.size > FILE_PHRASE_LIMITS.bytesMax) {
      return void message.error(t('content.files.tooBig', { name: file.name, max: formatFileSize(FILE_PHRASE_LIMITS.bytesMax) }));
    }
    setUploading({ name: file.name, percent: 0 });
    let result: Awaited<ReturnType<typeof sendFile>>;
    try {
      result = await sendFile(file);
    } finally {
      setUploading(null);
    }
    if (!result.ok)
      return void modal.error({ title: t('content.files.uploadFailed', { name: file.name, message: result.error.message }), okText: t('app.ok') });
    void message.success(t('content.files.uploaded', { name: result.value.name }));
    files.reload();
  }

  async function move(file: FilePhrase, categoryId: string) {
    const result = await api.call('updateFilePhrase', { params: { id: file.id }, body: { categoryId: categoryId === NO_CATEGORY ? null : categoryId } });
    if (!result.ok) return void message.error(t('app.actionFailed', { message: result.error.message }));
    void message.success(t('content.files.moved', { name: file.name }));
    files.reload();
  }

  function remove(file: FilePhrase) {
    rows.confirmDelete({
      title: t('content.files.deleteTitle', { name: file.name }),
      content: t('content.files.deleteBody'),
      remove: () => api.call('deleteFilePhrase', { params: { id: file.id } }),
      deleted: t('content.files.deleted', { name: file.name }),
      then: files.reload,
    });
  }

  const columns: ColumnsType<FilePhrase> = [
    { title: t('content.files.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('content.phrases.category'),
      key: 'category',
      width: 200,
      render: (_, file) => (
        <Select
          size="small"
          aria-label={t('content.files.moveAria', { name: file.name })}
          value={file.categoryId ?? NO_CATEGORY}
          onChange={(categoryId: string) => void move(file, categoryId)}
          options={categoryOptions}
          style={{ width: 170 }}
        />
      ),
    },
    { title: t('content.files.size'), dataIndex: 'size', key: 'size', width: 100, align: 'right', render: (size: number) => formatFileSize(size) },
    { title: t('content.files.type'), dataIndex: 'mime', key: 'mime', width: 180 },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 140,
      render: (_, file) => <RowActions name={file.name} edit="rename" onEdit={() => setRenaming(file)} onDelete={() => remove(file)} />,
    },
  ];

  return (
    <div>
      <LoadError error={files.error ?? phrases.error} onRetry={() => (files.reload(), phrases.reload())} />
      <Typography.Paragraph type="secondary">{t('content.files.hint', { max: formatFileSize(FILE_PHRASE_LIMITS.bytesMax) })}</Typography.Paragraph>
      <Space wrap className="admin-toolbar">
        <Input.Search
          allowClear
          aria-label={t('content.files.search')}
          placeholder={t('content.files.search')}
          onSearch={setQuery}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: 220 }}
        />
        <Select aria-label={t('content.files.uploadTo')} value={target} onChange={setTarget} options={categoryOptions} style={{ width: 180 }} />
        <Upload showUploadList={false} multiple={false} disabled={uploading !== null} customRequest={({ file }) => void upload(file as File)}>
          <Button type="primary" icon={<UploadOutlined />} loading={uploading !== null}>
            {t('content.files.upload')}
          </Button>
        </Upload>
      </Space>
      {uploading && (
        <div role="status" aria-live="polite" style={{ marginBottom: 16, maxWidth: 480 }}>
          <Typography.Text>{t('content.files.uploading', { name: uploading.name })}</Typography.Text>
          <Progress percent={uploading.percent} size="small" aria-label={t('content.files.progressAria', { name: uploading.name })} />
        </div>
      )}
      <Table<FilePhrase>
        caption={<HiddenCaption text={t('content.files.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={files.loading}
        dataSource={shown}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t(query ? 'content.files.noMatch' : 'content.files.empty')} /> }}
      />
      {renaming && (
        <NameModal
          title={t('content.files.renameTitle', { name: renaming.name })}
          label={t('content.files.name')}
          initial={renaming.name}
          requiredMessage={t('content.files.nameRequired')}
          save={async (name) => {
            const result = await api.call('updateFilePhrase', { params: { id: renaming.id }, body: { name } });
            if (result.ok) {
              void message.success(t('content.files.renamed', { name: result.value.name }));
              files.reload();
            }
            return result;
          }}
          onClose={() => setRenaming(null)}
        />
      )}
    </div>
  );
}
