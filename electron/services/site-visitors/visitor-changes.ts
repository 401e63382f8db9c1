/**
 * The 访客监控 changes gathered between two forwards to the page: the last state of each visitor
 * wins, and a visitor's last word is kept whether it is an arrival or a departure — a visitor who
 * left and came back within one batch is in `upserted` only, one who arrived and left is in `left`
 * only — so the page may apply the two lists in either order.
 */
import type { SiteVisitor } from '../../../shared/protocol/rest-site-visitors.js';

export interface VisitorChanges {
  upserted: SiteVisitor[];
  left: string[];
}

export class VisitorChangeBatch {
  /** visitorId → its latest state, or null when its latest word was that it left. */
  private readonly latest = new Map<string, SiteVisitor | null>();

  get size(): number {
    return this.latest.size;
  }

  upsert(visitor: SiteVisitor): void {
    // Delete first: a Map keeps first-insertion order, and the page should see this one last.
    this.latest.delete(visitor.visitorId);
    this.latest.set(visitor.visitorId, visitor);
  }

  leave(visitorId: string): void {
    this.latest.delete(visitorId);
    this.latest.set(visitorId, null);
  }

  /** Hands over what was gathered and starts empty again. */
  take(): VisitorChanges {
    const changes: VisitorChanges = { upserted: [], left: [] };
    for (const [visitorId, visitor] of this.latest) {
      if (visitor) changes.upserted.push(visitor);
      else changes.left.push(visitorId);
    }
    this.latest.clear();
    return changes;
  }

  /** The snapshot with these changes on top (a changed visitor keeps its place, arrivals come last); empties the batch. */
  applyTo(snapshot: readonly SiteVisitor[]): SiteVisitor[] {
    // Map.set on a key it has keeps the key's place.
    const byId = new Map(snapshot.map((v) => [v.visitorId, v] as const));
    for (const [visitorId, visitor] of this.latest) {
      if (visitor) byId.set(visitorId, visitor);
      else byId.delete(visitorId);
    }
    this.latest.clear();
    return [...byId.values()];
  }
}
