/** Display helpers for 顾客信息: time on page, source line. Pure, so they are tested without a DOM. */
import type { Campaign, CustomerProfile } from '../../shared/customers.js';

/** 42000 → '42秒', 125000 → '2分5秒', 3_725_000 → '1小时2分' (units from the i18n `units`). */
export function formatDwell(ms: number, units: { h: string; m: string; s: string } = { h: '小时', m: '分', s: '秒' }): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}${units.h}${m > 0 ? `${m}${units.m}` : ''}`;
  if (m > 0) return `${m}${units.m}${s > 0 ? `${s}${units.s}` : ''}`;
  return `${s}${units.s}`;
}

/** 'wechat / cpc / 双十一' — the campaign's non-empty parts; '' when there is none. */
export function campaignText(campaign: Campaign): string {
  return [campaign.source, campaign.medium, campaign.name, campaign.term, campaign.content].filter(Boolean).join(' / ');
}

/** The referrer's host ('www.baidu.com'), or '' for a direct visit or a value that is no URL. */
export function referrerHost(profile: Pick<CustomerProfile, 'firstReferrer'>): string {
  try {
    return profile.firstReferrer ? new URL(profile.firstReferrer).host : '';
  } catch {
    return '';
  }
}

/** Only http(s) links are ever rendered as links (the server refuses others; this is the second fence). */
export function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A URL as a person reads it: percent-escapes decoded ('%E7%A9%BA' → '空'); the raw text if it is malformed. */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
