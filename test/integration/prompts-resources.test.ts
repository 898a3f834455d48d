import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, InMemoryTransport, ProtocolError } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../tools/index.js';
import type { Api3 } from '../../src/api3/client.js';
import { fileAuditLog } from '../../src/server/audit.js';
import { buildServer } from '../../src/server/server.js';
import { accountPort } from '../../tools/ports.js';
import { StateStore } from '../../src/server/state-store.js';
import { type Harness, startHarness, TEST_KEY } from '../helpers/harness.js';

/**
 * Prompts, resources and completions through the SDK client, against the simulator's seeded
 * account: each prompt listed and got with arguments, each resource listed and read, the domain
 * template, completion of domain, folder and contact values, and no API key in any of them.
 */
const root = mkdtempSync(join(tmpdir(), 'dynadot-prompts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PROMPTS = ['research_name', 'safe_dns_change', 'renewal_review', 'move_name_servers', 'undo_change'];
const ARGUMENTS: Record<string, Record<string, string>> = {
  research_name: { names: 'acmewidgets, widgetco', tlds: 'com, io', budget: '20 USD', contact_id: '1' },
  safe_dns_change: { domain: 'acme-widgets.com', change: 'add a TXT record google-site-verification=abc' },
  renewal_review: { days: '45', folder: 'Clients' },
  move_name_servers: { domain: 'widgetlab.io', name_servers: 'ns1.cloudhost.example, ns2.cloudhost.example' },
  undo_change: { domain: 'acme-widgets.com', what: 'the MX change this morning' },
};
const TOOL_NAMES = new Set(CATALOG.map((spec) => spec.name));

function textOfPrompt(result: { messages: Array<{ content: { type: string; text?: string } }> }): string {
  return result.messages.map((m) => (m.content.type === 'text' ? (m.content.text ?? '') : '')).join('\n');
}

function resourceText(result: { contents: Array<{ text?: string; blob?: string }> }): string {
  return result.contents[0]?.text ?? '';
}

describe('prompts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('lists the five workflows, each with a title, a description and its arguments', async () => {
    const { prompts } = await h.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(PROMPTS);
    for (const prompt of prompts) {
      expect(prompt.description, prompt.name).toBeTruthy();
      expect(prompt.title, prompt.name).toBeTruthy();
      expect(prompt.arguments?.length, prompt.name).toBeGreaterThan(0);
    }
    expect(prompts.find((p) => p.name === 'safe_dns_change')?.arguments?.filter((a) => a.required).map((a) => a.name)).toEqual(['domain', 'change']);
  });

  it.each(PROMPTS)('%s: read, then preview, then confirm after approval, naming only tools of this catalog, with its arguments in', async (name) => {
    const args = ARGUMENTS[name] ?? {};
    const result = await h.client.getPrompt({ name, arguments: args });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]?.role).toBe('user');
    const text = textOfPrompt(result);
    for (const value of Object.values(args)) expect(text, value).toContain(value);
    const read = text.indexOf('1. Read');
    const preview = text.indexOf('Preview');
    const confirm = text.indexOf('confirm: true');
    expect(read).toBeGreaterThanOrEqual(0);
    expect(preview).toBeGreaterThan(read);
    expect(confirm).toBeGreaterThan(preview);
    expect(text).toMatch(/approv/);
    // Every snake_case word that looks like a tool is one: no invented tool names.
    const named = [...text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)].map((m) => m[0]);
    const arguments_ = new Set(['with_prices', 'confirmation_id', 'refused_because', 'expiring_within_days', 'renew_option', 'do_not_renew', 'name_servers', 'snapshot_id', 'contact_id', 'max_price']);
    const unknown = named.filter((word) => !TOOL_NAMES.has(word) && !arguments_.has(word) && !word.startsWith('google'));
    expect(unknown).toEqual([]);
  });

  it('names the exact tools of each workflow', async () => {
    const texts = Object.fromEntries(await Promise.all(PROMPTS.map(async (name) => [name, textOfPrompt(await h.client.getPrompt({ name, arguments: ARGUMENTS[name] ?? {} }))])));
    expect(texts.research_name).toMatch(/`research_domains`[\s\S]*max_price[\s\S]*`register`/);
    expect(texts.safe_dns_change).toMatch(/get_dns[\s\S]*update_dns_records[\s\S]*set_dns2[\s\S]*restore_settings/);
    expect(texts.renewal_review).toMatch(/list_domain with expiring_within_days: 45[\s\S]*set_renew_option[\s\S]*`renew`/);
    expect(texts.move_name_servers).toMatch(/server_list[\s\S]*set_ns with domains: \["widgetlab.io"\]/);
    expect(texts.undo_change).toMatch(/list_snapshots with domain: "acme-widgets.com"[\s\S]*restore_settings/);
  });

  it('normalises a domain argument and refuses one that is not a domain, or a missing required argument', async () => {
    const text = textOfPrompt(await h.client.getPrompt({ name: 'safe_dns_change', arguments: { domain: 'Acme-Widgets.COM', change: 'x' } }));
    expect(text).toContain('on acme-widgets.com:');
    await expect(h.client.getPrompt({ name: 'safe_dns_change', arguments: { domain: 'not a domain', change: 'x' } })).rejects.toThrow(/domain.*must be a domain name/);
    await expect(h.client.getPrompt({ name: 'safe_dns_change', arguments: { domain: 'acme-widgets.com' } })).rejects.toThrow(/needs the argument change/);
    await expect(h.client.getPrompt({ name: 'renewal_review', arguments: { days: 'soon' } })).rejects.toThrow(/days.*whole number/);
    await expect(h.client.getPrompt({ name: 'no_such_prompt' })).rejects.toThrow(/unknown prompt no_such_prompt/);
  });

  it('optional arguments may be left out', async () => {
    const text = textOfPrompt(await h.client.getPrompt({ name: 'renewal_review' }));
    expect(text).toContain('expiring_within_days: 30');
    expect(text).not.toContain('folder');
  });
});

describe('a read-only server', () => {
  it('prompts say which tools of the workflow it does not serve, and why; resources carry read_only', async () => {
    const h = await startHarness({ readOnly: true });
    try {
      const text = textOfPrompt(await h.client.getPrompt({ name: 'move_name_servers', arguments: ARGUMENTS.move_name_servers ?? {} }));
      expect(text).toMatch(/Not served here:.*set_ns \(this server is read-only/);
      // Its resources say so too.
      const account = JSON.parse(resourceText(await h.client.readResource({ uri: 'dynadot://account' })));
      expect(account.read_only).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('resources', () => {
  let h: Harness;
  const dir = join(root, 'state');
  const auditPath = join(dir, 'audit.jsonl');
  const apiKey = `${TEST_KEY}-resources-${process.pid}`;
  beforeAll(async () => {
    h = await startHarness({ apiKey, store: new StateStore(dir, false), audit: fileAuditLog(auditPath), auditPath });
    // A change that is audited and snapshotted, with the API key in its note: it must come out masked.
    await h.ok('set_ns', { domains: ['acme-widgets.com'], name_servers: ['ns1.cloudhost.example'], confirm: true });
    await h.ok('set_note', { domain: 'widgetlab.io', note: `key is ${apiKey}` });
  });
  afterAll(() => h.close());

  it('lists the account, the snapshots and the audit log, and the domain template', async () => {
    const { resources } = await h.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['dynadot://account', 'dynadot://snapshots', 'dynadot://audit']);
    for (const resource of resources) {
      expect(resource.name).toBeTruthy();
      expect(resource.mimeType).toBe('application/json');
    }
    const { resourceTemplates } = await h.client.listResourceTemplates();
    expect(resourceTemplates).toEqual([expect.objectContaining({ uriTemplate: 'dynadot://domain/{name}', name: 'domain', mimeType: 'application/json' })]);
  });

  it('the account summary: account_info and the balances, condensed', async () => {
    const before = h.simulator.requests.length;
    const result = await h.client.readResource({ uri: 'dynadot://account' });
    expect(result.contents[0]).toMatchObject({ uri: 'dynadot://account', mimeType: 'application/json' });
    const body = JSON.parse(resourceText(result));
    expect(body.username).toBe('demo-user');
    expect(body.balances[0]).toMatchObject({ amount: expect.any(Number), currency: expect.any(String) });
    expect(body.default_contacts).toBeTypeOf('object');
    // Through the catalog's read tools on the same api3 client: one request each.
    expect(h.simulator.requests.slice(before).map((r) => r.command)).toEqual(['account_info', 'get_account_balance']);
  });

  it('a seeded domain through the template: domain_info and get_dns', async () => {
    const body = JSON.parse(resourceText(await h.client.readResource({ uri: 'dynadot://domain/widget.dev' })));
    expect(body.name).toBe('widget.dev');
    expect(body.expires).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.dns.type).toBeTypeOf('string');
  });

  it('an unknown domain in the template is a clear not-found, naming the domain', async () => {
    const error = await h.client.readResource({ uri: 'dynadot://domain/not-mine.com' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProtocolError);
    expect(String((error as Error).message)).toMatch(/not-mine\.com is not a domain of this account/);
    await expect(h.client.readResource({ uri: 'dynadot://domain/not%20a%20domain' })).rejects.toThrow(/is not a domain name/);
    await expect(h.client.readResource({ uri: 'dynadot://nothing' })).rejects.toThrow(/no resource dynadot:\/\/nothing/);
  });

  it('the snapshots: the one taken before set_ns', async () => {
    const body = JSON.parse(resourceText(await h.client.readResource({ uri: 'dynadot://snapshots' })));
    expect(body.items).toEqual([expect.objectContaining({ tool: 'set_ns', domains: ['acme-widgets.com'] })]);
  });

  it('the recent audit lines: sending and done for each change', async () => {
    const body = JSON.parse(resourceText(await h.client.readResource({ uri: 'dynadot://audit' })));
    expect(body.lines.map((l: { tool: string; outcome: string }) => `${l.tool}:${l.outcome}`)).toEqual(['set_ns:sending', 'set_ns:done', 'set_note:sending', 'set_note:done']);
  });

  it('no resource holds the API key', async () => {
    const uris = ['dynadot://account', 'dynadot://snapshots', 'dynadot://audit', 'dynadot://domain/widgetlab.io', 'dynadot://domain/acme-widgets.com'];
    for (const uri of uris) {
      const text = resourceText(await h.client.readResource({ uri }));
      expect(text, uri).not.toContain(TEST_KEY);
    }
    // The note written with the key is there, masked.
    const note = JSON.parse(resourceText(await h.client.readResource({ uri: 'dynadot://domain/widgetlab.io' }))).note;
    expect(note).toMatch(/^key is \[masked secret\]$/);
  });
});

describe('resources of a demo server without a state folder', () => {
  it('carry the demo label, and list neither snapshots nor audit lines', async () => {
    const h = await startHarness({ demo: true });
    try {
      const { resources } = await h.client.listResources();
      expect(resources.map((r) => r.uri)).toEqual(['dynadot://account']);
      expect(JSON.parse(resourceText(await h.client.readResource({ uri: 'dynadot://account' }))).demo).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('completions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const complete = (ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, name: string, value: string) =>
    h.client.complete({ ref, argument: { name, value } }).then((r) => r.completion);

  it("a domain prefix completes from the account's domains, for a prompt and for the template", async () => {
    const prompt = await complete({ type: 'ref/prompt', name: 'safe_dns_change' }, 'domain', 'acme');
    expect(prompt.values).toEqual(['acme-widgets.com', 'acme-widgets.de', 'acme-widgets.net']);
    expect(prompt.total).toBe(3);
    expect(prompt.hasMore).toBe(false);
    const template = await complete({ type: 'ref/resource', uri: 'dynadot://domain/{name}' }, 'name', 'wid');
    expect(template.values).toEqual(['widget.dev', 'widgetlab.io', 'acme-widgets.com', 'acme-widgets.de', 'acme-widgets.net', 'shopwidgets.co'].filter((d) => template.values.includes(d)));
    expect(template.values.slice(0, 2)).toEqual(['widget.dev', 'widgetlab.io']);
  });

  it('a folder name and a contact id complete from folder_list and contact_list', async () => {
    expect((await complete({ type: 'ref/prompt', name: 'renewal_review' }, 'folder', 'cl')).values).toEqual(['Clients']);
    expect((await complete({ type: 'ref/prompt', name: 'research_name' }, 'contact_id', '')).values).toEqual(['0', '1', '2']);
    // A contact's name finds its id.
    expect((await complete({ type: 'ref/prompt', name: 'research_name' }, 'contact_id', 'jane')).values).toEqual(['0']);
  });

  it('reuses one read of the account for a burst of keystrokes', async () => {
    const fresh = await startHarness();
    try {
      for (const typed of ['s', 'sh', 'sho', 'shop']) {
        const { completion } = await fresh.client.complete({ ref: { type: 'ref/prompt', name: 'move_name_servers' }, argument: { name: 'domain', value: typed } });
        expect(completion.values[0]).toBe('shopwidgets.co');
      }
      expect(fresh.simulator.requests.filter((r) => r.command === 'list_domain')).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('a change to the account is offered at once: a folder created is completed by the next keystroke', async () => {
    const folders = () => complete({ type: 'ref/prompt', name: 'renewal_review' }, 'folder', 'Re');
    expect((await folders()).values).toEqual([]);
    await h.ok('create_folder', { name: 'Renewals 2027' });
    expect((await folders()).values).toEqual(['Renewals 2027']);
  });

  it('an argument with nothing to offer, or an unknown prompt, completes to no values', async () => {
    expect((await complete({ type: 'ref/prompt', name: 'safe_dns_change' }, 'change', 'a')).values).toEqual([]);
    expect((await complete({ type: 'ref/prompt', name: 'no_such_prompt' }, 'arg1', 'test')).values).toEqual([]);
  });
});

describe('a resource read the client gave up on', () => {
  it('aborts its api3 read: the request signal reaches the api3 client', async () => {
    const signals: AbortSignal[] = [];
    // An api3 that answers only when the read is abandoned, as a queued or slow read would.
    const api: Api3 = {
      call: ({ signal }) =>
        new Promise((_resolve, reject) => {
          if (!signal) return reject(new Error('no signal'));
          signals.push(signal);
          signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        }),
    };
    const server = buildServer({ api, account: accountPort, catalog: CATALOG, demo: false });
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'cancel', version: '1.0.0' });
    await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
    try {
      const controller = new AbortController();
      const read = client.readResource({ uri: 'dynadot://domain/acme-widgets.com' }, { signal: controller.signal });
      while (signals.length === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(signals[0]?.aborted).toBe(false);
      controller.abort();
      await expect(read).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(signals[0]?.aborted).toBe(true);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
