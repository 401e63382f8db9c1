/**
 * Turns on the log files for the whole process: each shell (Electron main, browser shell CLI)
 * starts it once with a folder of its data dir, and every logger of the services and the shell
 * writes there from then on. The handle is what 导出日志 packs (log-export.ts).
 */
import { addLogSink, FILE_LOG_LEVEL } from '../logger.js';
import { openRotatingLogFiles, type LogFile, type LogLimits } from './log-files.js';

export interface FileLogging {
  dir: string;
  /** The log files now in the folder, oldest first. */
  files(): Promise<LogFile[]>;
  /** Detach from the loggers and close the current file; lines after this go to the terminal only. */
  stop(): void;
}

export async function startFileLogging(dir: string, limits?: LogLimits): Promise<FileLogging> {
  const files = await openRotatingLogFiles(dir, limits);
  const detach = addLogSink(files.stream, FILE_LOG_LEVEL);
  let stopped = false;
  return {
    dir,
    files: files.list,
    stop() {
      if (stopped) return;
      stopped = true;
      detach();
      files.close();
    },
  };
}
