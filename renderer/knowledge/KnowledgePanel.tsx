import { useEffect, useRef } from 'react';
import { App, Button, Empty, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { CloseOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KnowledgeHit } from '../../shared/ipc/knowledge.js';
import { useComposerStore } from '../dialog/composerStore.js';
import { Highlighted } from './Highlighted.js';
import { useKnowledgeStore } from './knowledgeStore.js';
import { RichAnswer } from './RichAnswer.js';
import { useAutoSearch } from './useAutoSearch.js';

const SEARCH_DELAY_MS = 200;

/** 知识库: search the local cache, see matches highlighted, click an answer to put it into the input box. */
export function KnowledgePanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { query, categoryId, categories, hits, searched, searching, error, autoSearch, preview } = useKnowledgeStore();
  const store = useKnowledgeStore.getState;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useAutoSearch();

  useEffect(() => {
    void store().loadCategories();
    return () => clearTimeout(timer.current);
  }, [store]);

  const typed = (value: string) => {
    store().setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void store().search(), SEARCH_DELAY_MS);
  };

  const insert = async (id: string) => {
    const entry = preview?.id === id ? preview : await store().openPreview(id);
    if (!entry) return void message.error(t('knowledge.notFound'));
    if (!useComposerStore.getState().insertAtCursor(entry.answerText)) void message.info(t('knowledge.noInput'));
  };

  const categoryName = (id: string | null) => categories.find((c) => c.id === id)?.name;

  const hitRow = (hit: KnowledgeHit) => (
    // The button shows the question (its name, 插入答案：<question>, contains it); the snippet and
    // tags are its description and, through the row cover, clickable too.
    <li key={hit.id} className="kefu-kb-hit kefu-cover-row" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div className="kefu-cover-main">
        <button
          type="button"
          className="kefu-cover-button"
          aria-label={t('knowledge.insert', { question: hit.question })}
          aria-describedby={`kefu-kb-hit-${hit.id}`}
          onClick={() => void insert(hit.id)}
        >
          <span className="kefu-kb-question" style={{ fontWeight: 600 }}>
            <Highlighted text={hit.question} ranges={hit.questionRanges} />
          </span>
        </button>
        <div id={`kefu-kb-hit-${hit.id}`}>
          <div className="kefu-kb-snippet" style={{ color: '#595959', fontSize: 12 }}>
            <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
          </div>
          <div>
            {hit.groupId ? <Tag color="purple">{t('files.group')}</Tag> : null}
            {categoryName(hit.categoryId) ? <Tag color="blue">{categoryName(hit.categoryId)}</Tag> : null}
            {hit.keywords.map((k) => (
              <Tag key={k}>{k}</Tag>
            ))}
          </div>
        </div>
      </div>
      <span className="kefu-cover-extra">
        <Button
          size="small"
          type="text"
          icon={<EyeOutlined />}
          aria-label={t('knowledge.preview', { question: hit.question })}
          onClick={() => void store().openPreview(hit.id)}
        />
      </span>
    </li>
  );

  return (
    <section className="kefu-knowledge" aria-label={t('knowledge.title')} style={{ padding: 8, display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Input.Search
        aria-label={t('knowledge.search')}
        placeholder={t('knowledge.placeholder')}
        allowClear
        value={query}
        loading={searching}
        onChange={(e) => typed(e.target.value)}
        onSearch={(value) => {
          clearTimeout(timer.current);
          store().setQuery(value);
          void store().search();
        }}
      />
      <Space wrap size={8}>
        <Select
          size="small"
          aria-label={t('knowledge.category')}
          style={{ minWidth: 120 }}
          value={categoryId ?? ''}
          onChange={(value: string) => store().setCategory(value || null)}
          options={[
            { value: '', label: t('knowledge.allCategories') },
            ...categories.map((c) => ({ value: c.id, label: c.groupId ? `${t('files.group')} · ${c.name}` : c.name })),
          ]}
        />
        <label style={{ display: 'inline-flex', gap: 4, alignItems: 'center', fontSize: 12 }}>
          <Switch size="small" checked={autoSearch} onChange={(on) => store().setAutoSearch(on)} aria-label={t('knowledge.autoSearch')} />
          {t('knowledge.autoSearch')}
        </label>
      </Space>
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : null}
      {preview ? (
        <div
          className="kefu-kb-preview"
          role="region"
          aria-label={t('knowledge.previewTitle')}
          style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 8 }}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4 }}>
            <strong>{preview.question}</strong>
            <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('knowledge.closePreview')} onClick={() => store().closePreview()} />
          </div>
          <RichAnswer doc={preview.answer} />
          <Button size="small" type="primary" onClick={() => void insert(preview.id)}>
            {t('knowledge.useAnswer')}
          </Button>
        </div>
      ) : null}
      {hits.length > 0 ? (
        <ul aria-label={t('knowledge.results')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {hits.map(hitRow)}
        </ul>
      ) : searched ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.noResults')} />
      ) : null}
    </section>
  );
}
