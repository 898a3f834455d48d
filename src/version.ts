import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found by walking up: the same code runs from src/ (tests) and dist/src/ (the bin). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'mcp-server-dynadot') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of mcp-server-dynadot not found');
    dir = parent;
  }
}

export const PACKAGE_ROOT = packageRoot();
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
