/** 自动更新 (banner and 设置), zh-CN; updates.en.ts has the same keys. */
export const updatesZhCN = {
  section: '自动更新',
  currentVersion: '当前版本 {{version}}',
  downloading: '正在下载更新 {{percent}}%',
  downloadingLabel: '更新下载进度',
  downloaded: '新版本 {{version}} 已下载，重启后安装',
  restartNow: '立即重启',
  checkNow: '检查更新',
  checking: '正在检查更新…',
  upToDate: '已是最新版本',
  failed: '更新失败：{{message}}',
  blocked: {
    call: '通话进行中：通话结束后再重启安装。',
    outbox: '还有消息未发送：发送完成后再重启安装。',
  },
  unavailable: '此版本不能自动更新（浏览器版或开发版）。',
};
