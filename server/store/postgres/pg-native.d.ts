// pg-native ships no types; this is the part of its API the PostgreSQL store uses.
declare module 'pg-native' {
  interface TypeParsers {
    getTypeParser(oid: number, format?: string): (value: string) => unknown;
  }
  class Client {
    constructor(config?: { types?: TypeParsers; arrayMode?: boolean });
    pq: { cmdTuples(): string; transactionStatus(): number };
    connectSync(connectionString: string): void;
    querySync(text: string, values?: (string | null)[]): Record<string, unknown>[];
    prepareSync(statementName: string, text: string, nParams: number): void;
    executeSync(statementName: string, parameters: (string | null)[]): Record<string, unknown>[];
    end(cb?: () => void): void;
  }
  export = Client;
}
