import type { CSSProperties } from 'react';
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
  style: CSSProperties;
  onSelect(): void;
  onClose(): void;
}

/** One conversation in 访客列表: room, visitor, online dot, unread and the live waiting time. */
export function VisitorRow({ conversation: c, waitingSince, now, selected, style, onSelect, onClose }: Props) {
  const { t } = useTranslation();
  const waited = waitingSince === null ? null : now - waitingSince;
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={0}
      className={`kefu-visitor-row${selected ? ' selected' : ''}`}
      style={style}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <span
        className={`kefu-dot${c.visitorOnline ? ' on' : ''}`}
        role="img"
        aria-label={c.visitorOnline ? t('visitors.online') : t('visitors.offline')}
      />
      <div className="kefu-visitor-text">
        <div className="kefu-room">
          {c.roomNo} {c.state === 'ended' && <Tag>{t('visitors.ended')}</Tag>}
        </div>
        <div className="kefu-name">{c.visitorName}</div>
        {waited !== null && (
          <div className={`kefu-wait${waited > LONG_WAIT_MS ? ' long' : ''}`}>
            {t('visitors.waiting', { time: formatDuration(t, waited) })}
          </div>
        )}
      </div>
      <Badge count={c.unread} overflowCount={99} title={t('visitors.unread', { count: c.unread })} />
      <Tooltip title={t('dialog.close')}>
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t('visitors.close', { room: c.roomNo })}
          onClick={(e) => {
            e.stopPropagation();
            onClose();
          }}
        />
      </Tooltip>
    </div>
  );
}
