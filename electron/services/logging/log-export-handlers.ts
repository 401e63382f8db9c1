/**
 * The logs section of the contract. Only a shell knows where an archive may go (a save dialog in
 * Electron, a download in the browser shell), so each binds its own exporter over the default,
 * which says that this process writes no log files (file logging failed to start, or a test).
 */
import { fail, type Result } from '../../../shared/errors.js';
import type { LogExportResult, logInvokeChannels } from '../../../shared/ipc/logs.js';
import type { InvokeHandlers } from '../workstation-handlers.js';

export type LogHandlers = Pick<InvokeHandlers, keyof typeof logInvokeChannels>;
export type LogExporter = () => Promise<Result<LogExportResult>>;

export const NO_LOG_FILES = '这次运行没有写日志文件（日志文件夹无法打开），无法导出日志；请重启工作台后再试。';

export function createLogExportHandlers(): LogHandlers {
  return { 'logs:export': async () => fail('INVALID_STATE', NO_LOG_FILES) };
}

/** The dispatcher looks handlers up per call, so binding after start-up takes effect at once. */
export function bindLogExport(handlers: InvokeHandlers, exporter: LogExporter): void {
  const bound: LogHandlers = { 'logs:export': () => exporter() };
  Object.assign(handlers, bound);
}
