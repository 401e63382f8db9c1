import { memo } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Invitation, SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import { InviteButton } from './InviteButton.js';
import { sourceHost, statusOf } from './siteVisitorLogic.js';
import { TimeOnSite } from './TimeOnSite.js';

const STATUS_COLOR = { browsing: 'default', chatting: 'processing', invited: 'gold' } as const;
const ANSWER_COLOR = { accepted: 'success', declined: 'error', ignored: 'default' } as const;

interface CellsProps {
  visitor: SiteVisitor;
  /** The latest invitation sent from here to this visitor. */
  invitation: Invitation | undefined;
  sending: boolean;
}

interface Props extends CellsProps {
  rowIndex: number;
  /** Offset in the list and height, px: numbers, so the memo holds while the row stays in view. */
  top: number;
  height: number;
}

/**
 * One visitor in 访客监控: a table row (cells in the order of the header). The row is only its
 * place; the cells are drawn apart from it, so a visitor arriving at the top — which moves every
 * row below down by one — moves the rows without drawing their cells (antd's Tag, Button) again.
 */
export const SiteVisitorRow = memo(function SiteVisitorRow({ visitor, invitation, sending, rowIndex, top, height }: Props) {
  return (
    <div role="row" aria-rowindex={rowIndex} className="kefu-sv-row" style={{ transform: `translateY(${top}px)`, height }}>
      <SiteVisitorCells visitor={visitor} invitation={invitation} sending={sending} />
    </div>
  );
});

const SiteVisitorCells = memo(function SiteVisitorCells({ visitor: v, invitation, sending }: CellsProps) {
  const { t } = useTranslation();
  const status = statusOf(v);
  const engine = v.searchEngine ? t(`siteVisitors.engines.${v.searchEngine}`, { defaultValue: v.searchEngine }) : '';
  const source = v.keyword
    ? t('siteVisitors.keyword', { engine: engine || sourceHost(v.source), keyword: v.keyword })
    : engine || sourceHost(v.source) || t('siteVisitors.direct');
  const title = v.currentTitle || v.currentUrl;
  const answer = invitation && invitation.state !== 'pending' ? invitation.state : null;
  return (
    <>
      <span role="cell" className="kefu-sv-name" title={v.nickname}>
        {v.nickname}
      </span>
      <span role="cell" className="kefu-sv-page">
        <a href={v.currentUrl} target="_blank" rel="noopener noreferrer" title={v.currentUrl} aria-label={t('siteVisitors.openPage', { title })}>
          {title}
        </a>
      </span>
      <span role="cell">
        <TimeOnSite since={v.visitStartedAt} />
      </span>
      <span role="cell">{v.pagesViewed}</span>
      <span role="cell" className="kefu-sv-source" title={v.source || undefined}>
        {source}
      </span>
      <span role="cell">{v.region || t('siteVisitors.unknownRegion')}</span>
      <span role="cell">{v.visitCount}</span>
      <span role="cell">
        <Tag color={STATUS_COLOR[status]}>{t(`siteVisitors.status.${status}`)}</Tag>
        {answer && <Tag color={ANSWER_COLOR[answer]}>{t(`siteVisitors.answer.${answer}`)}</Tag>}
      </span>
      <span role="cell">
        <InviteButton visitor={v} sending={sending} />
      </span>
    </>
  );
});
