/**
 * The API key travels in api3's query string, so any URL, undici error or echoed request can
 * carry it. Every string that leaves this process (logs, tool results, thrown errors) passes
 * through `redact` first.
 */
const secrets = new Set<string>();

/** Registers a value that must never be printed. Short values are ignored: they would mask ordinary text. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

const KEY_PARAM = /([?&](?:key|token)=)[^&\s"'#]*/gi;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

export function redact(text: string): string {
  let out = text.replace(KEY_PARAM, '$1[redacted]').replace(BEARER, '$1[redacted]');
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ k: secret }).toString().slice(2)])) {
      if (out.includes(form)) out = out.split(form).join('[redacted]');
    }
  }
  return out;
}
