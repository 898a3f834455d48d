import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/version.js';

/**
 * In stdio mode stdout carries the MCP protocol: one stray line breaks the client. Server code
 * logs through src/log.ts (stderr, redacted); only the docs scripts and --help/--version, which
 * run before any protocol starts, may write to stdout.
 */
const STDOUT_ALLOWED = new Set(['src/cli.ts', 'src/docs/manifest.ts', 'src/docs/readme.ts', 'src/docs/pack-mcpb.ts', 'src/docs/tokens.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('stdout discipline', () => {
  const files = [...sources(join(PACKAGE_ROOT, 'src')), ...sources(join(PACKAGE_ROOT, 'tools'))];

  it('finds the sources', () => expect(files.length).toBeGreaterThan(30));

  for (const file of files) {
    const name = relative(PACKAGE_ROOT, file).replace(/\\/g, '/');
    it(`${name} writes nothing to stdout`, () => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/console\.(log|info|debug|dir|table)\(/);
      if (!STDOUT_ALLOWED.has(name)) expect(text).not.toMatch(/process\.stdout/);
    });
  }
});
