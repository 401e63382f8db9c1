/** A chosen file's bytes as base64 (no data: prefix): how the console's JSON routes take a file. */
export function fileBase64(file: Blob): Promise<string> {
  // FileReader rather than Blob.arrayBuffer(): every browser the console supports, and jsdom, have it.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
