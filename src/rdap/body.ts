import type { Dispatcher } from 'undici';

/**
 * A response body as text, read only up to `maxBytes`: past that the stream is destroyed and the
 * answer is undefined, so a server that sends without end costs no more than the limit.
 */
export async function readLimited(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    bytes += buffer.length;
    if (bytes > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
