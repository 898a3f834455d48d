import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { listedTools, modelView, tokensOf, toolCosts } from '../../src/docs/tokens.js';

/**
 * The context ceiling. Every served tool's name, title, description and input schema are sent
 * with every conversation, so they are counted in o200k tokens (what `npm run tokens` prints)
 * and held under ceilings: one tool may not crowd out the others, and the catalog as a whole
 * must stay affordable as it grows to all 102 api3 commands. Raising a ceiling is a decision,
 * not a fix: make the schema leaner first (DESIGN.md, "A tool spec").
 */
const MAX_TOKENS_PER_TOOL = 450;
const MAX_MEAN_TOKENS = 170;

describe('tool definitions in o200k tokens', () => {
  it('counts what the model is sent, from tools/list as a client receives it', async () => {
    const [tool] = await listedTools({ toolsets: ['account'] });
    if (!tool) throw new Error('the account toolset lists no tools');
    expect(Object.keys(modelView(tool))).toEqual(['name', 'title', 'description', 'input_schema']);
    expect(tokensOf(tool)).toBe(countTokens(JSON.stringify(modelView(tool))));
    expect(tokensOf(tool)).toBeGreaterThan(countTokens(tool.description ?? ''));
  });

  it(`no tool costs more than ${MAX_TOKENS_PER_TOOL} tokens`, async () => {
    const over = (await toolCosts({ toolsets: 'all' })).filter((c) => c.tokens > MAX_TOKENS_PER_TOOL);
    expect(over).toEqual([]);
  });

  it(`the whole catalog averages at most ${MAX_MEAN_TOKENS} tokens a tool`, async () => {
    const costs = await toolCosts({ toolsets: 'all' });
    const total = costs.reduce((sum, c) => sum + c.tokens, 0);
    expect(costs.length).toBeGreaterThan(0);
    expect(total / costs.length).toBeLessThanOrEqual(MAX_MEAN_TOKENS);
  });

  it('read-only serves fewer tokens than the full set (the ceiling is per served set)', async () => {
    const sum = async (readOnly: boolean) => (await toolCosts({ toolsets: 'all', readOnly })).reduce((s, c) => s + c.tokens, 0);
    expect(await sum(true)).toBeLessThan(await sum(false));
  });
});
