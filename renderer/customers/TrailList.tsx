import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageView } from '../../shared/customers.js';
import { formatDwell } from './format.js';
import { PageLink } from './ProfileFacts.js';
import { useTimeFormat } from '../i18n/format-time.js';

/** 轨迹: pages newest first, each with its time and time on page. */
export function TrailList({ trail }: { trail: PageView[] }) {
  const { t } = useTranslation();
  const { time } = useTimeFormat();
  const units = { h: t('customer.unitH'), m: t('customer.unitM'), s: t('customer.unitS') };
  if (trail.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.trailEmpty')} />;
  return (
    <ol aria-label={t('customer.trail')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {trail.map((view) => (
        <li key={view.id} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
          <PageLink url={view.url} title={view.title} />
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {time(view.enteredAt)} · {view.dwellMs === null ? t('customer.stillOnPage') : t('customer.dwell', { time: formatDwell(view.dwellMs, units) })}
            </Typography.Text>
          </div>
        </li>
      ))}
    </ol>
  );
}
