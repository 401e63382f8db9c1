import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Collapse, Empty, Input, Popconfirm, Progress, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, FileZipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FILE_PHRASE_LIMITS, filePhraseMatches, formatFileSize, type FilePhrase } from '../../shared/file-phrases.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { FileEditModal } from './FileEditModal.js';
import { subscribeFilePhrases, useFilePhrasesStore } from './filePhrasesStore.js';
import { usePhrasesStore } from './phrasesStore.js';

function typeOf(file: FilePhrase): { icon: React.ReactNode; label: 'typeImage' | 'typePdf' | 'typeZip' | 'typeOther' } {
  if (file.isImage) return { icon: <FileImageOutlined />, label: 'typeImage' };
  if (file.mime === 'application/pdf') return { icon: <FilePdfOutlined />, label: 'typePdf' };
  if (file.mime === 'application/zip') return { icon: <FileZipOutlined />, label: 'typeZip' };
  return { icon: <FileOutlined />, label: 'typeOther' };
}

/**
 * 常用文件: public files by category, then 本组 (the agent's group's) by category, then 我的文件 by the agent's own categories. A click (after a
 * confirmation: a file sent to a visitor cannot be taken back) sends it as a file message in the
 * conversation in view.
 */
export function FilePhrasesPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { files, upload, uploadFile, remove, send } = useFilePhrasesStore();
  const categories = usePhrasesStore((s) => s.categories);
  const conversationId = useConversationsStore((s) => s.selectedId);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<FilePhrase | null>(null);
  // Groups are open unless the agent closed them, so a group that appears live shows its files.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => subscribeFilePhrases(), []);

  const groups = useMemo(() => {
    const shown = files.filter((f) => filePhraseMatches(f, query));
    const known = (f: FilePhrase) => categories.some((c) => c.id === f.categoryId);
    const byCategory = (scope: FilePhrase['scope'], prefix: string) =>
      categories
        .filter((c) => c.scope === scope)
        .map((c) => ({ key: c.id, label: `${prefix}${c.name}`, items: shown.filter((f) => f.scope === scope && f.categoryId === c.id) }))
        .filter((g) => g.items.length > 0);
    const publicOther = shown.filter((f) => f.scope === 'public' && !known(f));
    const groupOther = shown.filter((f) => f.scope === 'group' && !known(f));
    return [
      ...byCategory('public', ''),
      ...(publicOther.length ? [{ key: 'public-other', label: t('files.uncategorised'), items: publicOther }] : []),
      ...byCategory('group', `${t('files.group')} · `),
      ...(groupOther.length ? [{ key: 'group-other', label: t('files.group'), items: groupOther }] : []),
      ...byCategory('personal', `${t('files.mine')} · `),
      { key: 'mine', label: t('files.mine'), items: shown.filter((f) => f.scope === 'personal' && !known(f)) },
    ];
  }, [files, categories, query, t]);

  const sendFile = async (file: FilePhrase) => {
    if (!conversationId) {
      void message.info(t('files.noConversation'));
      return;
    }
    const result = await send(file.id, conversationId);
    if (!result.ok) {
      void message.error(t('files.sendFailed', { message: result.error.message }));
      return;
    }
    // Shown at once as 'sending' in the dialog; the ack turns it into 'sent'.
    useMessagesStore.getState().applyMessage(result.message);
    void message.success(t('files.sent', { name: file.name }));
  };

  const chooseFile = async (file: File | undefined) => {
    if (picker.current) picker.current.value = '';
    if (!file) return;
    if (file.size > FILE_PHRASE_LIMITS.bytesMax) {
      void message.error(t('files.tooLarge', { max: formatFileSize(FILE_PHRASE_LIMITS.bytesMax) }));
      return;
    }
    const error = await uploadFile(file, null);
    if (error) void message.error(t('files.uploadFailed', { message: error.message }));
    else void message.success(t('files.uploaded', { name: file.name }));
  };

  const row = (f: FilePhrase) => {
    const type = typeOf(f);
    return (
      // As in 常用语: the button shows the name only (its name, 发送文件 <name>, contains it); size and
      // type are its description, and the row cover makes them clickable too.
      <li key={f.id} className="kefu-cover-row">
        <div className="kefu-cover-main">
          <Popconfirm
            title={t('files.confirmSend', { name: f.name })}
            okText={t('files.sendOk')}
            cancelText={t('files.cancel')}
            onConfirm={() => void sendFile(f)}
          >
            <button
              type="button"
              className="kefu-cover-button kefu-file-phrase-item"
              aria-label={t('files.send', { name: f.name })}
              aria-describedby={`kefu-file-phrase-${f.id}`}
              title={f.name}
            >
              {type.icon} <strong>{f.name}</strong>
            </button>
          </Popconfirm>
          <div id={`kefu-file-phrase-${f.id}`} className="kefu-cover-detail">
            {t('files.meta', { size: formatFileSize(f.size), type: t(`files.${type.label}`) })}
          </div>
        </div>
        {f.scope === 'personal' ? (
          <span className="kefu-cover-extra">
            <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('files.editOne', { name: f.name })} onClick={() => setEditing(f)} />
            <Popconfirm title={t('files.confirmDelete')} onConfirm={() => void remove(f.id).then((e) => e && message.error(e.message))}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('files.deleteOne', { name: f.name })} />
            </Popconfirm>
          </span>
        ) : null}
      </li>
    );
  };

  return (
    <div aria-label={t('files.title')} role="region">
      <div style={{ display: 'flex', gap: 4, padding: 8 }}>
        <Input.Search
          allowClear
          size="small"
          placeholder={t('files.search')}
          aria-label={t('files.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Tooltip title={t('files.upload')}>
          <Button size="small" icon={<UploadOutlined />} aria-label={t('files.upload')} disabled={upload !== null} onClick={() => picker.current?.click()} />
        </Tooltip>
        <input ref={picker} type="file" hidden aria-label={t('files.chooseFile')} onChange={(e) => void chooseFile(e.target.files?.[0])} />
      </div>
      {upload ? (
        <div style={{ padding: '0 8px 8px' }}>
          <div style={{ fontSize: 12 }}>{t('files.uploading', { name: upload.name })}</div>
          <Progress
            size="small"
            percent={upload.total ? Math.floor((upload.sent / upload.total) * 100) : 0}
            aria-label={t('files.uploading', { name: upload.name })}
          />
        </div>
      ) : null}
      {files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.empty')} />
      ) : (
        <Collapse
          size="small"
          ghost
          activeKey={groups.filter((g) => query || !closed.has(g.key)).map((g) => g.key)}
          onChange={(keys) => setClosed(new Set(groups.map((g) => g.key).filter((k) => !keys.includes(k))))}
          items={groups.map((g) => ({
            key: g.key,
            label: `${g.label} (${g.items.length})`,
            children: g.items.length ? (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{g.items.map(row)}</ul>
            ) : (
              <span style={{ color: 'var(--kefu-text-muted)' }}>{t('files.mineEmpty')}</span>
            ),
          }))}
        />
      )}
      <FileEditModal file={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
