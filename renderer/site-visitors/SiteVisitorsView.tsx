import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Empty, Input, Segmented, Spin } from 'antd';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { SiteVisitorRows } from './SiteVisitorRows.js';
import { visibleSiteVisitors, type SiteVisitorFilter } from './siteVisitorLogic.js';
import { useSiteVisitorsStore } from './siteVisitorsStore.js';
import './site-visitors.css';

const COLUMNS = ['visitor', 'page', 'timeOnSite', 'pages', 'source', 'region', 'visits', 'status', 'actions'] as const;

/**
 * 访客监控: the visitors on the company's site now, live. Watching starts when the view opens and
 * stops when it closes (the server sends nothing while nobody looks). Virtualised — a busy site
 * has thousands — with one clock for the whole view, so 停留时间 ticks without a timer per row
 * (SiteVisitorRows: scrolling redraws the rows' body, not this toolbar).
 */
export function SiteVisitorsView() {
  const { t } = useTranslation();
  const { visitors, phase, error, filter, query, invitations, sending, setFilter, setQuery } = useSiteVisitorsStore(
    useShallow((s) => ({
      visitors: s.visitors,
      phase: s.phase,
      error: s.error,
      filter: s.filter,
      query: s.query,
      invitations: s.invitations,
      sending: s.sending,
      setFilter: s.setFilter,
      setQuery: s.setQuery,
    })),
  );
  // State, not a ref: the rows' virtualizer gets the scroller once it is mounted, on the render after.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    void useSiteVisitorsStore.getState().watch();
    return () => void useSiteVisitorsStore.getState().unwatch();
  }, []);

  // Typing in the search box stays quick with thousands of rows: the filtering follows.
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => visibleSiteVisitors(visitors.values(), filter, deferredQuery), [visitors, filter, deferredQuery]);

  let body;
  if (phase === 'failed') {
    body = (
      <Alert
        type="error"
        showIcon
        style={{ margin: 16 }}
        title={t('siteVisitors.loadFailed', { message: error ?? '' })}
        action={
          <Button size="small" onClick={() => void useSiteVisitorsStore.getState().watch()}>
            {t('siteVisitors.retry')}
          </Button>
        }
      />
    );
  } else if (phase !== 'ready') {
    body = <Spin style={{ margin: 32 }} aria-label={t('common.loading')} />;
  } else if (rows.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={visitors.size === 0 ? t('siteVisitors.empty') : t('siteVisitors.noMatch')} />;
  } else {
    body = <SiteVisitorRows rows={rows} scrollElement={scroller} invitations={invitations} sending={sending} />;
  }

  return (
    <section className="kefu-sv" aria-label={t('siteVisitors.title')}>
      <div className="kefu-sv-toolbar">
        <h2 className="kefu-sv-title">{t('siteVisitors.title')}</h2>
        <Segmented<SiteVisitorFilter>
          size="small"
          aria-label={t('siteVisitors.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('siteVisitors.filterAll') },
            { value: 'browsing', label: t('siteVisitors.filterBrowsing') },
            { value: 'chatting', label: t('siteVisitors.filterChatting') },
          ]}
        />
        <Input.Search
          allowClear
          size="small"
          style={{ width: 280 }}
          placeholder={t('siteVisitors.search')}
          aria-label={t('siteVisitors.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span className="kefu-sv-count" role="status">
          {phase === 'ready' &&
            (rows.length === visitors.size
              ? t('siteVisitors.count', { count: visitors.size })
              : t('siteVisitors.shown', { shown: rows.length, count: visitors.size }))}
        </span>
      </div>
      <div role="table" className="kefu-sv-table" aria-label={t('siteVisitors.list')} aria-rowcount={rows.length + 1}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="kefu-sv-row kefu-sv-head">
            {COLUMNS.map((column) => (
              <span role="columnheader" key={column}>
                {t(`siteVisitors.columns.${column}`)}
              </span>
            ))}
          </div>
        </div>
        <div className="kefu-sv-scroll" ref={setScroller}>
          {body}
        </div>
      </div>
    </section>
  );
}
