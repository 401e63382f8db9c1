/**
 * pino-roll ships no typings. What this project uses of it: the factory, which opens the first
 * file and resolves with a SonicBoom stream that rolls to the next numbered file past `size`.
 */
declare module 'pino-roll' {
  export interface PinoRollOptions {
    /** Path without number and extension: `<dir>/kefu-desk` → kefu-desk.1.log, kefu-desk.2.log… */
    file: string;
    extension?: string;
    /** '5m', '512k', '2048b'. */
    size?: string | number;
    limit?: { count: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    /** SonicBoom options passed through. */
    sync?: boolean;
    mode?: number;
  }

  /** The SonicBoom stream, as far as it is used here. */
  export interface RollingStream {
    write(chunk: string): boolean;
    flushSync(): void;
    end(): void;
    once(event: 'close' | 'error', listener: (error?: Error) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    /** After a roll, once the files past `limit.count` are removed. */
    on(event: 'cleanup-complete', listener: () => void): this;
    off(event: 'cleanup-complete', listener: () => void): this;
    readonly destroyed: boolean;
  }

  function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
  // eslint-disable-next-line no-restricted-exports -- describes pino-roll's own `module.exports = function`
  export default pinoRoll;
}
