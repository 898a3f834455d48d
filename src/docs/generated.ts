import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../version.js';

/** Whether the module at `moduleUrl` was started as the script (`node dist/src/docs/x.js`), not imported. */
export function isRunAsScript(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && moduleUrl.endsWith(script.replace(/\\/g, '/'));
}

/**
 * The command line of a file generated from the catalog (README tool table, manifest.json):
 * `--write` rewrites it; otherwise it only checks and exits 1 when the file is out of date.
 */
export function syncGeneratedFile(file: string, render: (current: string) => string, fixCommand: string): void {
  const path = join(PACKAGE_ROOT, file);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // not generated yet
  }
  const next = render(current);
  if (process.argv.includes('--write')) {
    writeFileSync(path, next);
    process.stderr.write(next === current ? `${file} is up to date\n` : `${file} rewritten\n`);
  } else if (next !== current) {
    process.stderr.write(`${file} is out of date: run ${fixCommand}\n`);
    process.exit(1);
  } else {
    process.stderr.write(`${file} is up to date\n`);
  }
}
