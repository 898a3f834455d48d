import { describe, expect, it } from 'vitest';
import { domainName } from '../../src/server/schemas.js';

describe('domainName', () => {
  it('normalises case, a trailing dot and Unicode names to their xn-- form', () => {
    expect(domainName.parse(' Acme.COM. ')).toBe('acme.com');
    expect(domainName.parse('bücher.de')).toBe('xn--bcher-kva.de');
  });

  it('refuses control characters rather than letting the URL parser drop them (x\\ny.com is not xy.com)', () => {
    for (const value of ['x\ny.com', 'x\ty.com', 'acme.com\n', 'bü\rcher.de']) {
      const parsed = domainName.safeParse(value);
      expect(parsed.success, JSON.stringify(value)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/control characters/);
    }
  });
});
