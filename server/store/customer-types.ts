/** Rows and repositories of 顾客信息 / 轨迹 (005_customer_trail.sql). */
import type { Campaign } from '../../shared/customers.js';

export interface PageViewRow {
  id: string;
  visitorId: string;
  url: string;
  title: string;
  referrer: string;
  enteredAt: number;
  leftAt: number | null;
}

export interface VisitorProfileRow {
  visitorId: string;
  userAgent: string;
  browser: string;
  os: string;
  region: string;
  firstReferrer: string;
  landingPage: string;
  searchEngine: string;
  searchKeyword: string;
  campaign: Campaign;
  tags: string[];
  phone: string;
  phoneKey: string;
  email: string;
  customerId: string | null;
  updatedAt: number;
}

export interface PageViewRepository {
  insert(row: PageViewRow): void;
  byId(id: string): PageViewRow | undefined;
  setLeftAt(id: string, leftAt: number): void;
  /** Newest first. */
  forVisitor(visitorId: string, limit: number): PageViewRow[];
  /** Drops the oldest views of this visitor beyond `keep`. */
  trim(visitorId: string, keep: number): void;
}

export interface VisitorProfileRepository {
  byVisitor(visitorId: string): VisitorProfileRow | undefined;
  put(row: VisitorProfileRow): void;
  /** Visitors whose profile phone has this key, most recently updated first. */
  visitorIdsByPhoneKey(key: string, limit: number): string[];
}

export interface CustomerTrailRepositories {
  pageViews: PageViewRepository;
  visitorProfiles: VisitorProfileRepository;
}
