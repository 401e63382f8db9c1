/** Report answers for the component tests: small, with figures that are easy to find on screen. */
import type { VolumeFigures, VolumeReport } from '../../shared/protocol/rest-reports.js';

export function volumeFigures(overrides: Partial<VolumeFigures> = {}): VolumeFigures {
  return {
    offered: 1234,
    answered: 1000,
    answerRate: 1000 / 1234,
    abandoned: 34,
    waitAvgMs: 65_000,
    waitP90Ms: 180_000,
    firstResponseAvgMs: 12_000,
    handled: 990,
    handlingAvgMs: 600_000,
    messages: 15_000,
    messagesPerConversation: 15.15,
    valid: 950,
    invalid: 40,
    endedBy: { visitor: 500, agent: 480, system: 10 },
    ...overrides,
  };
}

const zero = volumeFigures({
  offered: 0,
  answered: 0,
  answerRate: null,
  abandoned: 0,
  waitAvgMs: null,
  waitP90Ms: null,
  firstResponseAvgMs: null,
  handled: 0,
  handlingAvgMs: null,
  messages: 0,
  messagesPerConversation: null,
  valid: 0,
  invalid: 0,
  endedBy: { visitor: 0, agent: 0, system: 0 },
});

/** 2026-03-01..02: the totals fall on the 2nd; the previous period when `previous` is given. */
export function volumeReport(previous: Partial<VolumeFigures> | null = null): VolumeReport {
  const range = { from: '2026-03-01', to: '2026-03-02', days: 2, timeZone: 'Asia/Shanghai' };
  return {
    range,
    previousRange: previous ? { from: '2026-02-27', to: '2026-02-28', days: 2, timeZone: 'Asia/Shanghai' } : null,
    computedAt: Date.UTC(2026, 2, 3),
    totals: volumeFigures(),
    previousTotals: previous ? volumeFigures(previous) : null,
    byDay: [
      { ...zero, date: '2026-03-01' },
      { ...volumeFigures(), date: '2026-03-02' },
    ],
    byHour: Array.from({ length: 24 }, (_, hour) => (hour === 10 ? { ...volumeFigures(), hour } : { ...zero, hour })),
    byGroup: [
      { ...volumeFigures({ offered: 1200 }), groupId: 'g1', groupName: '售前' },
      { ...volumeFigures({ offered: 34 }), groupId: null, groupName: null },
    ],
    byAgent: [{ ...volumeFigures({ handled: 990 }), agentId: 'a1', agentName: '小王', groupId: 'g1' }],
  };
}
