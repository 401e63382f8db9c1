/** How report rows are named and what a row adds to a drill-down query — the same for every report. */
import type { TFunction } from 'i18next';
import type { DrillNarrow } from './drill.js';

export const hourName = (t: TFunction, hour: number): string => t('reports.hour', { hour });
export const groupName = (t: TFunction, row: { groupName: string | null }): string => row.groupName ?? t('reports.noGroup');

/** A group's row: that group, or the conversations of no group. */
export const groupNarrow = (row: { groupId: string | null }): Pick<DrillNarrow, 'groupId' | 'noGroup'> =>
  row.groupId === null ? { noGroup: true } : { groupId: row.groupId };

/** A day of the range as the axes show it: 03-01 (the year is in the filter bar). */
export const shortDay = (date: string): string => date.slice(5);
