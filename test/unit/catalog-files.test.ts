import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnyToolSpec } from '../../src/server/define.js';
import { TOOLSET_NAMES } from '../../src/server/toolsets.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { API3_TOOLS, CATALOG } from '../../tools/index.js';
import { NOT_YET } from '../../tools/not-yet.js';
import { EXAMPLES } from '../helpers/examples.js';
import { filesUnder } from '../helpers/files.js';
import { FAMILY_COMMANDS } from '../helpers/setting-scopes.js';

/**
 * A tool is one file plus one test file. This meta-test keeps the catalog, the spec files under
 * tools/, the test files under test/tools/ and the api3 document's command list in step, so
 * adding a tool needs no row in any central table, and nothing is forgotten.
 *
 * The rule for a scoped setting command (a family of tools/shared/settings.ts on domains, a
 * folder or the account default): its common cases come from the family table
 * (test/helpers/setting-scopes.ts, run by test/tools/setting-families.test.ts). Its own file must
 * still exist and name the tool; it holds only what is particular to it and calls none of the
 * helpers the table runs for it, so each thing is said once.
 */
const TOOLS_DIR = join(PACKAGE_ROOT, 'tools');
const TESTS_DIR = join(PACKAGE_ROOT, 'test', 'tools');

/** The spec files: tools/<toolset>/<file>.ts, folder indexes and tools/shared/ excepted. */
const specFiles = filesUnder(TOOLS_DIR).filter((f) => /^[^/]+\/[^/]+\.ts$/.test(f) && !f.startsWith('shared/') && !f.endsWith('/index.ts'));
const specPath = (spec: AnyToolSpec) => `${spec.toolset}/${spec.name}.ts`;
const testPath = (spec: AnyToolSpec) => `${spec.toolset}/${spec.name}.test.ts`;
/** The runner of the family table: the one file under test/tools/ that is no single tool's. */
const FAMILY_RUNNER = 'setting-families.test.ts';
/** What the family table runs for each scoped setting command. */
const FAMILY_HELPERS = ['exampleQueryCase(', 'condenseExample(', 'simulatorShapeCase(', 'pinEffect(', 'badInputSweep(', 'confirmGateCases('];

describe('spec files', () => {
  it('every tools/<toolset>/<file>.ts is a spec in the catalog, named after its file, in its folder\'s toolset', async () => {
    expect(specFiles.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const file of specFiles) {
      const module = (await import(pathToFileURL(join(TOOLS_DIR, file)).href)) as { default?: AnyToolSpec };
      const spec = module.default;
      if (!spec || !CATALOG.includes(spec)) wrong.push(`${file}: its default export is not a spec in CATALOG (tools/index.ts)`);
      else if (specPath(spec) !== file) wrong.push(`${file}: holds ${spec.name} of toolset ${spec.toolset}; expected ${specPath(spec)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every catalog spec has its file tools/<toolset>/<name>.ts', () => {
    expect(CATALOG.map(specPath).filter((path) => !specFiles.includes(path))).toEqual([]);
  });
});

describe('tool test files', () => {
  const testFiles = filesUnder(TESTS_DIR);

  it('every catalog spec has test/tools/<toolset>/<name>.test.ts', () => {
    expect(CATALOG.map(testPath).filter((path) => !testFiles.includes(path))).toEqual([]);
  });

  it('every file under test/tools/ belongs to a catalog spec, but the family table\'s runner', () => {
    const expected = [...CATALOG.map(testPath), FAMILY_RUNNER];
    expect(testFiles.filter((path) => !expected.includes(path))).toEqual([]);
  });

  for (const spec of CATALOG.filter((s) => FAMILY_COMMANDS.has(s.name))) {
    it(`test/tools/${testPath(spec)} names ${spec.name} and leaves its common cases to the family table`, () => {
      const text = readFileSync(join(TESTS_DIR, testPath(spec)), 'utf8');
      expect(FAMILY_HELPERS.filter((call) => text.includes(call)), 'helpers the family table already runs').toEqual([]);
      const named = text.includes(`from '../../../tools/${spec.toolset}/${spec.name}.js'`) || text.includes(`'${spec.name}'`);
      expect(named, 'the file neither imports the spec nor calls the tool').toBe(true);
    });
  }

  for (const spec of CATALOG.filter((s) => !FAMILY_COMMANDS.has(s.name))) {
    it(`test/tools/${testPath(spec)} covers what ${spec.composite ? 'a composite' : 'an api3'} ${spec.effect} tool needs`, () => {
      const path = join(TESTS_DIR, testPath(spec));
      const text = readFileSync(path, 'utf8');
      const needed = ['useHarness(', 'pinEffect(', 'badInputSweep('];
      if (!spec.composite) needed.push('exampleQueryCase(', 'simulatorShapeCase(');
      // A composite read has no api3 answer of its own to condense.
      if (spec.effect === 'read' && !spec.composite) needed.push('condenseExample(');
      if (spec.effect === 'destructive') needed.push('confirmGateCases(');
      expect(needed.filter((call) => !text.includes(call)), 'helpers the file does not call').toEqual([]);
      // It tests the spec itself, imported from its file, and calls the tool through the client.
      expect(text).toContain(`from '../../../tools/${spec.toolset}/${spec.name}.js'`);
      expect(text).toMatch(new RegExp(`\\bok(<[^>]*>)?\\(\\s*'${spec.name}'`));
    });
  }
});

describe('the api3 document\'s commands', () => {
  const served = API3_TOOLS.map((s) => s.name);
  const notYet = NOT_YET.map((n) => n.command);
  const documented = EXAMPLES.map((e) => e.command);

  it('the document has 102 commands', () => {
    expect(new Set(documented).size).toBe(102);
  });

  it('every command is served or on tools/not-yet.ts, and none is both', () => {
    expect(documented.filter((c) => !served.includes(c) && !notYet.includes(c)), 'neither served nor on NOT_YET').toEqual([]);
    expect(notYet.filter((c) => served.includes(c)), 'served and still on NOT_YET').toEqual([]);
  });

  it('NOT_YET names each command of the document once, in a known toolset; deprecated ones in legacy', () => {
    expect(notYet.filter((c) => !documented.includes(c)), 'not a command of the document').toEqual([]);
    expect(notYet.filter((c, i) => notYet.indexOf(c) !== i), 'listed twice').toEqual([]);
    for (const { command, toolset } of NOT_YET) {
      expect(TOOLSET_NAMES, command).toContain(toolset);
      const deprecated = EXAMPLES.find((e) => e.command === command)?.deprecated_use !== undefined;
      expect(toolset === 'legacy', `${command} ${deprecated ? 'is deprecated' : 'is not deprecated'}: legacy is for deprecated commands`).toBe(deprecated);
    }
  });
});
