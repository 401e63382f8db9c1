/**
 * Browser and OS names from a User-Agent header. A small own parser instead of a dependency: the
 * panel only needs the family and major version of the common desktop and mobile browsers, and
 * the order of the checks matters (Edge and Chinese browsers also say "Chrome", Chrome also says "Safari").
 */
export interface UserAgentInfo {
  browser: string;
  os: string;
}

const BROWSERS: readonly [RegExp, string][] = [
  [/MicroMessenger\/(\d+)/, '微信'],
  [/QQBrowser\/(\d+)/, 'QQ浏览器'],
  [/UCBrowser\/(\d+)/, 'UC浏览器'],
  [/(?:360SE|QIHU 360EE)(?:\/(\d+))?/, '360浏览器'],
  [/(?:MetaSr|SE \d[.\dX]* MetaSr)\s?(\d+)?/, '搜狗浏览器'],
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:HeadlessChrome|Chromium)\/(\d+)/, 'Chromium'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  [/(?:MSIE |Trident\/.*rv:)(\d+)/, 'Internet Explorer'],
];

const WINDOWS_NT: Record<string, string> = { '10.0': '10/11', '6.3': '8.1', '6.2': '8', '6.1': '7', '6.0': 'Vista', '5.1': 'XP' };

function osOf(ua: string): string {
  const windows = /Windows NT (\d+\.\d+)/.exec(ua);
  if (windows) return `Windows ${WINDOWS_NT[windows[1]!] ?? windows[1]}`;
  const android = /Android (\d+(?:\.\d+)?)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  const ios = /(?:iPhone|iPad|iPod).*? OS (\d+)[_\d]*/.exec(ua);
  if (ios) return `iOS ${ios[1]}`;
  const mac = /Mac OS X (\d+)[._](\d+)/.exec(ua);
  if (mac) return `macOS ${mac[1]}.${mac[2]}`;
  if (/HarmonyOS/.test(ua)) return 'HarmonyOS';
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/Linux/.test(ua)) return 'Linux';
  return '';
}

export function parseUserAgent(ua: string): UserAgentInfo {
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) return { browser: match[1] ? `${name} ${match[1]}` : name, os: osOf(ua) };
  }
  return { browser: '', os: osOf(ua) };
}
