import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../shared/customers.js';
import { campaignText, isWebLink, readableUrl, referrerHost } from './format.js';

/** A page link that opens in the system browser, never inside the workstation, and gives the page no handle on us. */
export function PageLink({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const text = title || readableUrl(url);
  if (!isWebLink(url)) return <Typography.Text>{text}</Typography.Text>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" aria-label={t('customer.openPage', { title: text })} title={url} style={{ wordBreak: 'break-all' }}>
      {text}
    </a>
  );
}

/** 昵称, 地区, 浏览器/系统, 来源 (referrer, keyword, campaign), 当前页面. */
export function ProfileFacts({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const host = referrerHost(profile);
  const campaign = campaignText(profile.campaign);
  const items = [
    { key: 'nickname', label: t('customer.nickname'), children: profile.nickname },
    { key: 'region', label: t('customer.region'), children: profile.region || t('customer.regionUnknown') },
    { key: 'browser', label: t('customer.browser'), children: profile.browser || t('customer.regionUnknown') },
    { key: 'os', label: t('customer.os'), children: profile.os || t('customer.regionUnknown') },
    { key: 'source', label: t('customer.source'), children: host ? <PageLink url={profile.firstReferrer} title={host} /> : t('customer.direct') },
    ...(profile.searchKeyword || profile.searchEngine
      ? [
          {
            key: 'keyword',
            label: t('customer.searchKeyword'),
            children: profile.searchKeyword ? `${profile.searchKeyword} (${profile.searchEngine})` : profile.searchEngine,
          },
        ]
      : []),
    ...(campaign ? [{ key: 'campaign', label: t('customer.campaign'), children: campaign }] : []),
    ...(profile.landingPage ? [{ key: 'landing', label: t('customer.landingPage'), children: <PageLink url={profile.landingPage} title="" /> }] : []),
    ...(profile.currentPage
      ? [{ key: 'current', label: t('customer.currentPage'), children: <PageLink url={profile.currentPage.url} title={profile.currentPage.title} /> }]
      : []),
  ];
  return (
    <Descriptions
      size="small"
      column={1}
      items={items}
      styles={{ label: { width: 92, whiteSpace: 'nowrap' }, content: { minWidth: 0, wordBreak: 'break-all' } }}
    />
  );
}
