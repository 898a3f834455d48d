import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/version.js';
import { API3_TOOLS } from '../../tools/index.js';
import { filesUnder } from '../helpers/files.js';

/**
 * The layering DESIGN.md promises, read from the sources themselves: the server layer never
 * climbs into the catalog (it learns about the account through ports on the tool context),
 * tools/shared never depends on a single tool, and `invoke` is the one sender of a catalog
 * command: no tool calls api3 by hand, and each command's name is spelled only in its own spec.
 */
const ROOT = PACKAGE_ROOT;
const sourcesUnder = (folder: string) => filesUnder(join(ROOT, folder)).filter((f) => f.endsWith('.ts')).map((f) => `${folder}/${f}`);

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Every module a file imports (static `import ... from`, `export ... from`, dynamic `import()`), resolved from the repository root. */
function importsOf(file: string): string[] {
  const text = read(file);
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] as string);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)).split('\\').join('/'));
}

const SRC = sourcesUnder('src');
const TOOLS = sourcesUnder('tools');

describe('layering', () => {
  it('nothing under src/ imports from tools/, except the entry point and the docs scripts', () => {
    const climbs = SRC.filter((f) => f !== 'src/cli.ts' && !f.startsWith('src/docs/')).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('tools/'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(climbs).toEqual([]);
  });

  it('tools/shared imports only src/ and other tools/shared files, never a single tool', () => {
    const wrong = TOOLS.filter((f) => f.startsWith('tools/shared/')).flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith('src/') && !target.startsWith('tools/shared/'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('no file under tools/ sends to api3 by hand (api.call)', () => {
    expect(TOOLS.filter((file) => read(file).includes('api.call('))).toEqual([]);
  });
});

describe('one sender', () => {
  // The simulator answers every command by name, and tests name them freely.
  const checked = [...SRC.filter((f) => !f.startsWith('src/simulator/')), ...TOOLS];
  const texts = new Map(checked.map((file) => [file, read(file)]));
  const specFile = (name: string, toolset: string) => `tools/${toolset}/${name}.ts`;

  /** Files where a command's name is a word of their own, not the command: list_coupons' coupon type `transfer`. */
  const SAME_WORD: Readonly<Record<string, readonly string[]>> = { transfer: ['tools/orders/list_coupons.ts'] };

  it.each(API3_TOOLS.map((spec) => [spec.name, spec.toolset] as const))('%s is spelled as a string only in its own spec', (name, toolset) => {
    // A quoted name is code naming the command; backticks are prose (descriptions, hints) naming the tool.
    const literal = new RegExp(`(['"])${name}\\1`);
    const elsewhere = [...texts]
      .filter(([file, text]) => file !== specFile(name, toolset) && !SAME_WORD[name]?.includes(file) && literal.test(text))
      .map(([file]) => file);
    expect(elsewhere).toEqual([]);
    expect(literal.test(texts.get(specFile(name, toolset)) ?? ''), `${specFile(name, toolset)} names it`).toBe(true);
  });
});
