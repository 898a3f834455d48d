/**
 * The API key travels in api3's query string, so any URL, undici error or echoed request can
 * carry it. Log lines and error texts pass through `redact` (the literal secrets and anything
 * shaped like a credential: `?key=`, `token=`, `Bearer`). The user's data (DNS records, URLs,
 * notes) goes through `maskSecrets` alone: a TXT record `…?key=Zx81Q` is theirs, and a snapshot
 * or tool result that changed it would put something else back into live DNS.
 */
const secrets = new Set<string>();

/** Registers a value that must never be printed. Short values are ignored: they would mask ordinary text. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

const KEY_PARAM = /([?&](?:key|token)=)[^&\s"'#]*/gi;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

export function redact(text: string): string {
  return maskSecrets(text.replace(KEY_PARAM, '$1[redacted]').replace(BEARER, '$1[redacted]'), '[redacted]');
}

/**
 * What stands in a snapshot or tool result for the API key or a configured secret: distinct from
 * any user text, so restore_settings can tell a value it must not write back.
 */
export const MASKED_SECRET = '[masked secret]';

/** The literal secrets (the API key, configured secrets, in any of their URL spellings) masked; nothing else touched. */
export function maskSecrets(text: string, mask = MASKED_SECRET): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ k: secret }).toString().slice(2)])) {
      if (out.includes(form)) out = out.split(form).join(mask);
    }
  }
  return out;
}

/** `maskSecrets` on every string of a JSON value (object keys too), the rest as it was. */
export function maskSecretsIn<T>(value: T): T {
  if (secrets.size === 0) return value;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? maskSecrets(v) : v));
  return text === undefined ? value : JSON.parse(maskSecrets(text));
}
