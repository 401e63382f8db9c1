import { useEffect, useMemo, useState } from 'react';
import { App, Button, Collapse, Empty, Input, Popconfirm, Segmented, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { phraseMatches, type Phrase } from '../../shared/phrases.js';
import { useComposerStore } from '../dialog/composerStore.js';
import { phraseInsertText } from './phraseLogic.js';
import { subscribePhrases, usePhrasesStore } from './phrasesStore.js';
import { usePhraseVariables } from './usePhraseVariables.js';
import { PhraseEditModal } from './PhraseEditModal.js';
import { FilePhrasesPanel } from './FilePhrasesPanel.js';

type Section = 'phrases' | 'files';

/** The 常用语 tab: 常用语/常用链接 or 常用文件, switched by a segmented control. */
export function PhrasesPanel() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('phrases');
  // Categories are shared by phrases and files: keep them loaded whichever section is shown.
  useEffect(() => subscribePhrases(), []);
  return (
    <div>
      <div style={{ padding: '8px 8px 0' }}>
        <Segmented<Section>
          block
          size="small"
          aria-label={t('files.sections')}
          value={section}
          onChange={setSection}
          options={[
            { value: 'phrases', label: t('files.phrasesSection') },
            { value: 'files', label: t('files.title') },
          ]}
        />
      </div>
      {section === 'phrases' ? <PhraseList /> : <FilePhrasesPanel />}
    </div>
  );
}

/** 常用语 / 常用链接: public ones by category, then 本组 (the agent's group's) by category, then 我的; a click puts the text into the input box. */
function PhraseList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { phrases, categories, refresh, remove } = usePhrasesStore();
  const variables = usePhraseVariables();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Phrase | null | 'new'>(null);

  const groups = useMemo(() => {
    const shown = phrases.filter((p) => phraseMatches(p, query));
    // The company's and the group's sections alike: one per category, then the rest of that scope.
    const sections = (scope: 'public' | 'group', prefix: string, other: string) => [
      ...categories
        .filter((c) => c.scope === scope)
        .map((c) => ({ key: c.id, label: `${prefix}${c.name}`, items: shown.filter((p) => p.scope === scope && p.categoryId === c.id) })),
      { key: `${scope}-other`, label: other, items: shown.filter((p) => p.scope === scope && !categories.some((c) => c.id === p.categoryId)) },
    ];
    return [
      ...sections('public', '', t('phrases.uncategorised')),
      ...sections('group', `${t('files.group')} · `, t('files.group')),
      { key: 'mine', label: t('phrases.mine'), items: shown.filter((p) => p.scope === 'personal') },
    ].filter((g) => g.items.length > 0 || g.key === 'mine');
  }, [phrases, categories, query, t]);

  const insert = (phrase: Phrase) => {
    if (!useComposerStore.getState().insertAtCursor(phraseInsertText(phrase, variables))) void message.info(t('phrases.noInput'));
  };

  // The button shows only the title (its name, 插入常用语 <title>, contains all it shows); the
  // shortcut and the text beside it are its description and, through the row cover, clickable too.
  const row = (p: Phrase) => (
    <li key={p.id} className="kefu-cover-row">
      <div className="kefu-cover-main">
        <button
          type="button"
          className="kefu-cover-button kefu-phrase-item"
          aria-label={t('phrases.insert', { title: p.title })}
          aria-describedby={`kefu-phrase-${p.id}`}
          title={p.content}
          onClick={() => insert(p)}
        >
          {p.kind === 'link' ? <LinkOutlined /> : null} <strong>{p.title}</strong>
        </button>
        <div id={`kefu-phrase-${p.id}`} className="kefu-cover-detail">
          {p.shortcut ? <code>/{p.shortcut} </code> : null}
          {p.content}
        </div>
      </div>
      {p.scope === 'personal' ? (
        <span className="kefu-cover-extra">
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('phrases.editOne', { title: p.title })} onClick={() => setEditing(p)} />
          <Popconfirm title={t('phrases.confirmDelete')} onConfirm={() => void remove(p.id).then((e) => e && message.error(e.message))}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('phrases.deleteOne', { title: p.title })} />
          </Popconfirm>
        </span>
      ) : null}
    </li>
  );

  return (
    <div aria-label={t('phrases.title')} role="region">
      <div style={{ display: 'flex', gap: 4, padding: 8 }}>
        <Input.Search
          allowClear
          size="small"
          placeholder={t('phrases.search')}
          aria-label={t('phrases.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Tooltip title={t('phrases.add')}>
          <Button size="small" icon={<PlusOutlined />} aria-label={t('phrases.add')} onClick={() => setEditing('new')} />
        </Tooltip>
        <Tooltip title={t('phrases.refresh')}>
          <Button
            size="small"
            icon={<ReloadOutlined />}
            aria-label={t('phrases.refresh')}
            onClick={() => void refresh().then((e) => e && message.error(e.message))}
          />
        </Tooltip>
      </div>
      {phrases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('phrases.empty')} />
      ) : (
        <Collapse
          size="small"
          ghost
          defaultActiveKey={groups.map((g) => g.key)}
          activeKey={query ? groups.map((g) => g.key) : undefined}
          items={groups.map((g) => ({
            key: g.key,
            label: `${g.label} (${g.items.length})`,
            children: g.items.length ? (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{g.items.map(row)}</ul>
            ) : (
              <span style={{ color: 'var(--kefu-text-muted)' }}>{t('phrases.mineEmpty')}</span>
            ),
          }))}
        />
      )}
      <PhraseEditModal open={editing !== null} phrase={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
