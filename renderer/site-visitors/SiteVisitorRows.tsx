import { useVirtualizer } from '@tanstack/react-virtual';
import type { Invitation, SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import { useNow } from '../visitors/useNow.js';
import { SiteVisitorRow } from './SiteVisitorRow.js';
import { SiteVisitorClock } from './TimeOnSite.js';

export const ROW_HEIGHT = 44;

interface Props {
  rows: readonly SiteVisitor[];
  /** The scroller around this body (set once it is mounted). */
  scrollElement: HTMLDivElement | null;
  invitations: Readonly<Record<string, Invitation>>;
  sending: Readonly<Record<string, true>>;
}

/**
 * The virtualised rows of 访客监控. Scrolling redraws this body every frame, so it is on its own —
 * the toolbar does not redraw with it — and every row's props stay equal while the row stays in
 * view (its offset is a number, not a new style object): only the rows coming into view render.
 * Measured with `npm run bench:site-visitors` (test/bench/README.md).
 */
export function SiteVisitorRows({ rows, scrollElement, invitations, sending }: Props) {
  const now = useNow();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.visitorId,
    overscan: 10,
  });
  return (
    <SiteVisitorClock.Provider value={now}>
      <div role="rowgroup" className="kefu-sv-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const visitor = rows[item.index]!;
          return (
            <SiteVisitorRow
              key={item.key}
              visitor={visitor}
              invitation={invitations[visitor.visitorId]}
              sending={Boolean(sending[visitor.visitorId])}
              // The header is row 1.
              rowIndex={item.index + 2}
              top={item.start}
              height={ROW_HEIGHT}
            />
          );
        })}
      </div>
    </SiteVisitorClock.Provider>
  );
}
