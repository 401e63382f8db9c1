// pg-native and libpq ship no types; these are the parts of their APIs the PostgreSQL store uses.
declare module 'pg-native' {
  // Merged with the class below, so the interfaces can be imported beside `export =`.
  namespace Client {
    export { TypeParsers, LibPq };
  }
  interface TypeParsers {
    getTypeParser(oid: number, format?: string): (value: string) => unknown;
  }
  /** The libpq binding under pg-native (npm `libpq`): thin synchronous wrappers of libpq's C calls. */
  interface LibPq {
    cmdTuples(): string;
    transactionStatus(): number;
    errorMessage(): string;
    enterPipelineMode(): boolean;
    exitPipelineMode(): boolean;
    pipelineSync(): boolean;
    /** PQflush: 0 when everything buffered was sent (blocking connection). */
    flush(): number;
    sendQueryParams(text: string, values: (string | null)[]): boolean;
    sendQueryPrepared(name: string, values: (string | null)[]): boolean;
    /** PQgetResult: blocks on a blocking connection; false for libpq's NULL. */
    getResult(): boolean;
    resultStatus(): string;
    resultErrorMessage(): string;
    resultErrorFields(): Record<string, unknown> | null;
  }
  class Client {
    constructor(config?: { types?: TypeParsers; arrayMode?: boolean });
    pq: LibPq;
    connectSync(connectionString: string): void;
    querySync(text: string, values?: (string | null)[]): Record<string, unknown>[];
    prepareSync(statementName: string, text: string, nParams: number): void;
    executeSync(statementName: string, parameters: (string | null)[]): Record<string, unknown>[];
    end(cb?: () => void): void;
  }
  export = Client;
}

declare module 'pg-native/lib/build-result.js' {
  import type Client from 'pg-native';
  /** Reads libpq's current result into rows, parsing each column with `types`. */
  function buildResult(
    pq: Client.LibPq,
    types: Client.TypeParsers,
    arrayMode: boolean,
  ): { rows: Record<string, unknown>[]; rowCount: number; command: string | undefined };
  // CommonJS `module.exports = buildResult`.
  export = buildResult;
}
