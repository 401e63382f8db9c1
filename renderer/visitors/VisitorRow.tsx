import { useMemo, useRef, type CSSProperties } from 'react';
import { Badge, Button, Tag, Tooltip } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LocalConversation } from '../../shared/ipc/contract.js';
import { formatDuration } from './formatDuration.js';

const LONG_WAIT_MS = 60_000;

interface Props {
  conversation: LocalConversation;
  waitingSince: number | null;
  now: number;
  selected: boolean;
  /** Events of this conversation received but not applied yet (a catch-up is under way). */
  behind?: boolean;
  style: CSSProperties;
  onSelect(): void;
  onClose(): void;
}

/**
 * One conversation in 访客列表: room, visitor, online dot, unread and the live waiting time.
 * The row holds two sibling buttons — open the conversation (most of the row) and 结束对话 — so
 * no control sits inside another: each is reached with Tab and works with Enter or Space.
 */
export function VisitorRow({ conversation: c, waitingSince, now, selected, behind = false, style, onSelect, onClose }: Props) {
  const { t } = useTranslation();
  const waited = waitingSince === null ? null : now - waitingSince;
  // The same 结束对话 button (a tooltip is costly to redraw) while the room stays: unread counts
  // and waiting times change many times a second during a catch-up, this does not.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const closeButton = useMemo(
    () => (
      <Tooltip title={t('dialog.close')}>
        <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('visitors.close', { room: c.roomNo })} onClick={() => onCloseRef.current()} />
      </Tooltip>
    ),
    [t, c.roomNo],
  );
  return (
    <li className={`kefu-visitor-row${selected ? ' selected' : ''}`} style={style}>
      <button type="button" className="kefu-visitor-open" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        <span className={`kefu-dot${c.visitorOnline ? ' on' : ''}`} role="img" aria-label={c.visitorOnline ? t('visitors.online') : t('visitors.offline')} />
        <span className="kefu-visitor-text">
          <span className="kefu-room">
            {c.roomNo} {c.state === 'ended' && <Tag>{t('visitors.ended')}</Tag>}
            {behind && <Tag color="processing">{t('connection.behind')}</Tag>}
          </span>
          <span className="kefu-name">{c.visitorName}</span>
          {waited !== null && (
            <span className={`kefu-wait${waited > LONG_WAIT_MS ? ' long' : ''}`}>{t('visitors.waiting', { time: formatDuration(t, waited) })}</span>
          )}
        </span>
        <Badge count={c.unread} overflowCount={99} title={t('visitors.unread', { count: c.unread })} />
      </button>
      {closeButton}
    </li>
  );
}
