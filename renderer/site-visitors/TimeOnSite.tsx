import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../visitors/formatDuration.js';

/**
 * 访客监控's one clock, handed down by context: each second only the 停留时间 cells redraw, not
 * the rows around them (a row redraw mounts nothing new but still runs antd's Tag and Button).
 */
export const SiteVisitorClock = createContext(0);

/** 停留时间 of one row, ticking with the view's clock. */
export function TimeOnSite({ since }: { since: number }) {
  const { t } = useTranslation();
  const now = useContext(SiteVisitorClock);
  return <>{formatDuration(t, Math.max(0, now - since))}</>;
}
