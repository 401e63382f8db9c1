/** The invitation figures as the stats show them: 接受率 and the chart's series. Pure. */
import type { InvitationCounts } from '../../shared/protocol/rest-site-visitors.js';
import type { Series } from '../reports/charts.js';

/** Accepted of those sent; null (shown "—") when none was sent. */
export const acceptanceRate = (counts: InvitationCounts): number | null => (counts.sent === 0 ? null : counts.accepted / counts.sent);

export const OUTCOMES = ['accepted', 'declined', 'ignored', 'pending'] as const;

/** One stacked bar per row (agent or rule), a segment per outcome. */
export function outcomeSeries(rows: readonly InvitationCounts[], name: (outcome: (typeof OUTCOMES)[number]) => string): Series[] {
  return OUTCOMES.map((outcome) => ({ name: name(outcome), data: rows.map((row) => row[outcome]), type: 'bar', stack: 'outcome' }));
}
