import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notYetSection, renderReadme, toolTable } from '../../src/docs/readme.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { CATALOG } from '../../tools/index.js';
import { NOT_YET } from '../../tools/not-yet.js';

describe('README', () => {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');

  it('has the tool table and the not-yet list they generate (run `npm run readme` after changing a tool)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  it('lists every tool of the catalog', () => {
    for (const spec of CATALOG) expect(toolTable()).toContain(`| \`${spec.name}\` |`);
  });

  it('lists every api3 command not yet served, after the tool table', () => {
    for (const { command } of NOT_YET) expect(notYetSection()).toContain(`\`${command}\``);
    expect(readme).toContain(notYetSection());
    expect(readme.indexOf(notYetSection())).toBeGreaterThan(readme.indexOf(toolTable()));
  });

  it('gives the test command CI runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(join(PACKAGE_ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm ci[\s\S]*npm test/);
  });
});
