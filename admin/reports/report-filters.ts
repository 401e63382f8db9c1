/**
 * The filters every report shares — range, group, agent, 对比上期 — and the report on screen, in one
 * store so switching reports keeps them. They are mirrored into the page's URL hash
 * (#/reports?tab=…&from=…), so a reload or a shared link opens the same report; what is read back
 * from the URL is validated like any other input, and a bad value falls back to the default.
 */
import { z } from 'zod';
import { create } from 'zustand';
import { Id } from '../../shared/protocol/rest-common.js';
import { DayDateSchema } from '../../shared/protocol/rest-monitor.js';
import { ReportNameSchema, REPORT_LIMITS, spanDays, type ReportName, type ReportQueryInput } from '../../shared/protocol/rest-reports.js';
import { dayText, quickRange } from './quick-ranges.js';

export interface ReportFilters {
  report: ReportName;
  from: string;
  to: string;
  groupId: string | undefined;
  agentId: string | undefined;
  compare: boolean;
}

interface ReportFilterStore extends ReportFilters {
  change(patch: Partial<ReportFilters>): void;
  /** Back to the defaults (and what the URL says): tests, and a new console session. */
  reset(hash?: string): void;
}

const HASH_PAGE = '#/reports';

function defaults(): ReportFilters {
  const [from, to] = quickRange('last7');
  return { report: 'volume', from: dayText(from), to: dayText(to), groupId: undefined, agentId: undefined, compare: false };
}

const UrlFiltersSchema = z.object({
  tab: ReportNameSchema.optional().catch(undefined),
  from: DayDateSchema.optional().catch(undefined),
  to: DayDateSchema.optional().catch(undefined),
  group: Id.optional().catch(undefined),
  agent: Id.optional().catch(undefined),
  compare: z.literal('1').optional().catch(undefined),
});

/** The filters a #/reports?… hash names, over the defaults; a range that is not one stays the default. */
export function filtersFromHash(hash: string): ReportFilters {
  const base = defaults();
  if (!hash.startsWith(`${HASH_PAGE}?`)) return base;
  const url = UrlFiltersSchema.parse(Object.fromEntries(new URLSearchParams(hash.slice(HASH_PAGE.length + 1))));
  const range = url.from && url.to && url.from <= url.to && spanDays(url.from, url.to) <= REPORT_LIMITS.spanDaysMax ? { from: url.from, to: url.to } : {};
  return { ...base, ...range, report: url.tab ?? base.report, groupId: url.group, agentId: url.agent, compare: url.compare === '1' };
}

export function hashOf(filters: ReportFilters): string {
  const params = new URLSearchParams({ tab: filters.report, from: filters.from, to: filters.to });
  if (filters.groupId) params.set('group', filters.groupId);
  if (filters.agentId) params.set('agent', filters.agentId);
  if (filters.compare) params.set('compare', '1');
  return `${HASH_PAGE}?${params.toString()}`;
}

/** Writes the filters into the URL without a history entry per click (and without a hashchange). */
export function mirrorToUrl(filters: ReportFilters): void {
  if (location.hash.startsWith(HASH_PAGE)) history.replaceState(history.state, '', hashOf(filters));
}

const pick = (s: ReportFilters): ReportFilters => ({
  report: s.report,
  from: s.from,
  to: s.to,
  groupId: s.groupId,
  agentId: s.agentId,
  compare: s.compare,
});

export const useReportFilters = create<ReportFilterStore>((set, get) => ({
  ...filtersFromHash(typeof location === 'undefined' ? '' : location.hash),
  change(patch) {
    set(patch);
    mirrorToUrl(pick(get()));
  },
  reset(hash = '') {
    set(filtersFromHash(hash));
  },
}));

/** The query every report route takes, from the filters. */
export function reportQueryOf(filters: ReportFilters): ReportQueryInput {
  return {
    from: filters.from,
    to: filters.to,
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
    ...(filters.agentId ? { agentId: filters.agentId } : {}),
    compare: filters.compare,
  };
}

/** The current report query, and a key that changes exactly when it does (useRemote reloads on it). */
export function useReportQuery(): { query: ReportQueryInput; key: string } {
  const from = useReportFilters((s) => s.from);
  const to = useReportFilters((s) => s.to);
  const groupId = useReportFilters((s) => s.groupId);
  const agentId = useReportFilters((s) => s.agentId);
  const compare = useReportFilters((s) => s.compare);
  const query = reportQueryOf({ report: 'volume', from, to, groupId, agentId, compare });
  return { query, key: JSON.stringify(query) };
}
