import { z } from 'zod';

/** The confirmation a settings write returns: what changed, on which domains. */
export const changedSchema = z.object({
  done: z.literal(true),
  domains: z.array(z.string()),
  changed: z.record(z.string(), z.unknown()).describe('the settings now in place'),
});

export function changed(domains: string[], settings: Record<string, unknown>) {
  return { done: true as const, domains, changed: settings };
}
