// The one platform API shared code uses: Web Crypto, present in browsers and Node 20 alike.
// Declared here because shared/ is compiled with neither DOM nor Node types (layering rule).
declare global {
  var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T; randomUUID(): string };
}
export {};
