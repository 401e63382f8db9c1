/** 导出日志 (设置), zh-CN; logs.en.ts has the same keys. */
export const logsZhCN = {
  section: '日志',
  hint: '遇到问题时导出日志发给技术支持：包含工作台的日志文件和版本、系统信息，不含密码和登录凭据。',
  export: '导出日志',
  exporting: '正在导出…',
  exportingPercent: '正在导出 {{percent}}%',
  progress: '导出日志进度',
  saved: '日志已导出到 {{path}}',
  downloading: '日志开始下载：{{name}}',
  failed: '导出日志失败：{{message}}',
};
