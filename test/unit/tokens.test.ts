import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { CATALOG } from '../../tools/index.js';
import { NOT_YET } from '../../tools/not-yet.js';
import { CEILINGS, listedBytes, listedTools, modelView, projected, tokensOf, toolCosts } from '../../src/docs/tokens.js';

/**
 * The context ceilings. Every served tool's name, description and input schema are sent with
 * every conversation, so they are counted in o200k tokens (what `npm run tokens` prints) and
 * held under ceilings: one tool may not crowd out the others, the default and discovery-only
 * sets stay cheap, and the catalog as a whole must stay affordable at all 102 api3 commands.
 * The commands not written yet are counted at an allowance each (CEILINGS), so a tool written
 * today that grows the total takes room from the ones still to come, and fails here. Raising a
 * ceiling is a decision, not a fix: make the schema leaner first (DESIGN.md, "A tool spec").
 */
const sum = (costs: ReadonlyArray<{ tokens: number }>) => costs.reduce((total, c) => total + c.tokens, 0);

describe('tool definitions in o200k tokens', () => {
  it('counts what the model is sent, from tools/list as a client receives it', async () => {
    const [tool] = await listedTools({ toolsets: ['account'] });
    if (!tool) throw new Error('the account toolset lists no tools');
    expect(Object.keys(modelView(tool))).toEqual(['name', 'description', 'input_schema']);
    expect(tokensOf(tool)).toBe(countTokens(JSON.stringify(modelView(tool))));
    expect(tokensOf(tool)).toBeGreaterThan(countTokens(tool.description ?? ''));
  });

  it(`no tool costs more than ${CEILINGS.perTool} tokens`, async () => {
    const over = (await toolCosts({ toolsets: 'all' })).filter((c) => c.tokens > CEILINGS.perTool);
    expect(over).toEqual([]);
  });

  it(`all ${CATALOG.length + NOT_YET.length} api3 commands fit in ${CEILINGS.all} tokens, the ${NOT_YET.length} still to come at ${CEILINGS.perComingTool} each`, async () => {
    const all = await toolCosts({ toolsets: 'all' });
    expect(all.length).toBe(CATALOG.length);
    expect(projected(sum(all), CEILINGS.perComingTool)).toBeLessThanOrEqual(CEILINGS.all);
  });

  it(`the default (everyday tools and the discovery pair) costs at most ${CEILINGS.default} tokens`, async () => {
    const listed = await toolCosts({});
    expect(listed.map((c) => c.name)).toEqual(expect.arrayContaining(['find_tools', 'call_tool', 'search', 'register', 'renew', 'list_domain', 'get_dns', 'set_dns2', 'set_ns']));
    expect(sum(listed)).toBeLessThanOrEqual(CEILINGS.default);
  });

  it(`discover-only lists the pair alone, at most ${CEILINGS.discover} tokens`, async () => {
    const listed = await toolCosts({ toolsets: ['discover'] });
    expect(listed.map((c) => c.name)).toEqual(['find_tools', 'call_tool']);
    expect(sum(listed)).toBeLessThanOrEqual(CEILINGS.discover);
  });

  it(`tools/list for all, output schemas included, fits ${CEILINGS.allBytes} bytes at every command (${CEILINGS.perComingToolBytes} each still to come)`, async () => {
    expect(projected(await listedBytes({ toolsets: 'all' }), CEILINGS.perComingToolBytes)).toBeLessThanOrEqual(CEILINGS.allBytes);
  });

  it('read-only serves fewer tokens than the full set (the ceiling is per served set)', async () => {
    expect(sum(await toolCosts({ toolsets: 'all', readOnly: true }))).toBeLessThan(sum(await toolCosts({ toolsets: 'all' })));
  });
});
