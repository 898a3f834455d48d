import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReadme, toolTable } from '../../src/docs/readme.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { CATALOG } from '../../tools/index.js';

describe('README', () => {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');

  it('has the tool table the catalog generates (run `npm run readme` after changing a tool)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  it('lists every tool of the catalog', () => {
    for (const spec of CATALOG) expect(toolTable()).toContain(`| \`${spec.name}\` |`);
  });

  it('gives the test command CI runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(join(PACKAGE_ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm ci[\s\S]*npm test/);
  });
});
