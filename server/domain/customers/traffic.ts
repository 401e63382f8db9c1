/**
 * Traffic source (来源) from the referrer and the landing page: which search engine and keyword
 * brought the visitor, and the utm_* campaign parameters. Pure functions over URL strings.
 */
import type { Campaign } from '../../../shared/customers.js';
import { LIMITS } from '../../../shared/limits.js';

export interface SearchSource {
  searchEngine: string;
  searchKeyword: string;
}

/** Host suffix → engine name and the query parameters that carry the keyword, in order. */
const ENGINES: readonly { suffix: string; engine: string; params: readonly string[] }[] = [
  { suffix: 'baidu.com', engine: 'baidu', params: ['wd', 'word', 'kw'] },
  { suffix: 'google.com', engine: 'google', params: ['q'] },
  { suffix: 'google.com.hk', engine: 'google', params: ['q'] },
  { suffix: 'bing.com', engine: 'bing', params: ['q'] },
  { suffix: 'sogou.com', engine: 'sogou', params: ['query', 'keyword'] },
  { suffix: 'so.com', engine: '360', params: ['q'] },
];

const hostMatches = (host: string, suffix: string): boolean => host === suffix || host.endsWith(`.${suffix}`);

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Cut to a bounded length: keywords and campaign values come from anyone's URL. */
const bounded = (value: string | null): string => (value ?? '').trim().slice(0, LIMITS.pageTitleMax);

export function searchSource(referrer: string): SearchSource {
  const url = parseUrl(referrer);
  if (!url) return { searchEngine: '', searchKeyword: '' };
  const host = url.hostname.toLowerCase();
  const engine = ENGINES.find((e) => hostMatches(host, e.suffix));
  if (!engine) return { searchEngine: '', searchKeyword: '' };
  const param = engine.params.find((p) => url.searchParams.get(p));
  // Google and Bing often hide the keyword (HTTPS referrer policy): the engine is still known.
  return { searchEngine: engine.engine, searchKeyword: bounded(param ? url.searchParams.get(param) : null) };
}

export function campaignOf(landingPage: string): Campaign {
  const params = parseUrl(landingPage)?.searchParams;
  const get = (name: string) => bounded(params?.get(name) ?? null);
  return { source: get('utm_source'), medium: get('utm_medium'), name: get('utm_campaign'), term: get('utm_term'), content: get('utm_content') };
}
