import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Api3Error } from '../../src/api3/errors.js';
import { type AuditEntry, fileAuditLog, maskedAuditLog } from '../../src/server/audit.js';
import { defineTool } from '../../src/server/define.js';
import { MASK, maskSensitive, sensitiveValues } from '../../src/server/sensitive.js';
import { buildServer } from '../../src/server/server.js';
import { FakeApi } from '../helpers/fake-api.js';
import { captureStderr } from '../helpers/stderr.js';
import { accountPort } from '../../tools/ports.js';

describe('maskSensitive', () => {
  const spec = { sensitive: ['auth_code', 'codes'] };

  it('replaces declared fields, whatever their value, and the same names at any depth', () => {
    const args = {
      domain: 'example.com',
      auth_code: 'a1b2c3d4',
      codes: ['x1', { y: 2 }],
      domains: [{ domain: 'a.com', auth_code: 'nested-1' }, { domain: 'b.com' }],
      note: { auth_code: { deeper: 'nested-2' } },
    };
    expect(maskSensitive(spec, args)).toEqual({
      domain: 'example.com',
      auth_code: MASK,
      codes: MASK,
      domains: [{ domain: 'a.com', auth_code: MASK }, { domain: 'b.com' }],
      note: { auth_code: MASK },
    });
    // The call itself keeps its values.
    expect(args.auth_code).toBe('a1b2c3d4');
    expect(args.domains[0]).toEqual({ domain: 'a.com', auth_code: 'nested-1' });
  });

  it('leaves absent fields absent and a spec with nothing sensitive untouched', () => {
    expect(maskSensitive(spec, { domain: 'example.com' })).toEqual({ domain: 'example.com' });
    expect(maskSensitive(spec, { domain: 'example.com', auth_code: undefined })).toEqual({ domain: 'example.com', auth_code: undefined });
    const args = { auth_code: 'kept' };
    expect(maskSensitive({}, args)).toBe(args);
    expect(maskSensitive(undefined, args)).toBe(args);
  });

  it('finds every secret value under a sensitive name', () => {
    expect(
      sensitiveValues(spec, { domain: 'example.com', auth_code: 'a1b2c3d4', codes: ['x1', { y: 2 }], list: [{ auth_code: 'nested-1' }] }).sort(),
    ).toEqual(['2', 'a1b2c3d4', 'nested-1', 'x1']);
    expect(sensitiveValues({}, { auth_code: 'a1b2c3d4' })).toEqual([]);
  });

  it('masks audit entries by their tool before the audit log sees them', () => {
    const seen: AuditEntry[] = [];
    const audit = maskedAuditLog((entry) => seen.push(entry), [{ name: 'transfer', sensitive: ['auth_code'] }, { name: 'set_note' }]);
    audit({ tool: 'transfer', args: { domain: 'a.com', auth_code: 'a1b2c3d4' }, outcome: 'done' });
    audit({ tool: 'set_note', args: { domain: 'a.com', auth_code: 'not declared here' }, outcome: 'error', error: 'api_error' });
    expect(seen).toEqual([
      { tool: 'transfer', args: { domain: 'a.com', auth_code: MASK }, outcome: 'done' },
      { tool: 'set_note', args: { domain: 'a.com', auth_code: 'not declared here' }, outcome: 'error', error: 'api_error' },
    ]);
  });
});

/**
 * A made-up transfer-like tool whose auth_code is a secret, served by the real server against a
 * scripted api3 that can echo the code back in an error, in a timeout of the preview's read, and
 * in an answer that makes condense throw.
 */
type Mode = 'ok' | 'refuse' | 'crash' | 'preview_timeout';
let mode: Mode = 'ok';
let currentSecret = '';

const transferLike = defineTool({
  name: 'transfer_with_code',
  toolset: 'transfers',
  title: 'Transfer in (test)',
  description: 'Transfer a domain in with its auth code. Needs confirm.',
  effect: 'destructive',
  input: z.object({
    domain: z.string(),
    auth_code: z.string(),
    more: z.array(z.object({ domain: z.string(), auth_code: z.string() })).optional(),
  }),
  output: z.object({ transferred: z.literal(true) }),
  sensitive: ['auth_code'],
  toApi: (args) => ({ domain: args.domain, auth: args.auth_code, ...Object.fromEntries((args.more ?? []).map((m, i) => [`auth${i}`, m.auth_code])) }),
  condense: (body) => {
    if (body.Echo !== undefined) throw new Error(`cannot read this answer: ${String(body.Echo)}`);
    return { transferred: true as const };
  },
  async preview(args, ctx) {
    await ctx.api.call({ command: 'domain_info', params: { domain: args.domain }, mutates: false });
    return { facts: { domain: args.domain } };
  },
});

const api = new FakeApi({
  domain_info: () => {
    if (mode === 'preview_timeout') throw new Api3Error('timeout', `api3 did not answer in time (last words: ${currentSecret})`);
    return { root: 'DomainInfoResponse', body: { ResponseCode: 0 } };
  },
  transfer_with_code: (request) => {
    if (mode === 'refuse') throw new Api3Error('invalid_input', `api3: auth code ${request.params.auth} is not valid for ${request.params.domain}`);
    if (mode === 'crash') return { root: 'TransferResponse', body: { ResponseCode: 0, Echo: request.params.auth } };
    return { root: 'TransferResponse', body: { ResponseCode: 0, Status: 'success' } };
  },
});

const dir = mkdtempSync(join(tmpdir(), 'dynadot-sensitive-'));
const auditPath = join(dir, 'audit.jsonl');
const audited: AuditEntry[] = [];
const fileAudit = fileAuditLog(auditPath);
let client: Client;
let stderr: ReturnType<typeof captureStderr>;

beforeAll(async () => {
  const server = buildServer({
    api,
    account: accountPort,
    catalog: [transferLike],
    demo: false,
    toolsets: 'all',
    // An in-memory audit log, as a host embedding the server might pass; and the file one.
    audit: (entry) => {
      audited.push(entry);
      fileAudit(entry);
    },
    elicitationTimeoutMs: 0,
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  client = new Client({ name: 'sensitive-test', version: '1.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
});

afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
beforeEach(() => {
  // A fresh secret per test: each one shows what its own call did, not what an earlier one registered.
  currentSecret = `Auth-${process.pid}-${++counter}-zQ7xK2pL`;
  mode = 'ok';
  api.requests.length = 0;
  stderr = captureStderr();
});
afterEach(() => stderr.restore());

const send = (args: Record<string, unknown>) => client.callTool({ name: 'transfer_with_code', arguments: args }) as Promise<CallToolResult>;
const everything = (result: CallToolResult) => JSON.stringify(result);
const sentSecret = () => api.requests.filter((r) => r.command === 'transfer_with_code').map((r) => r.params.auth);

/** The preview, then the call confirmed with its id, as a user's approval looks. */
async function previewThenConfirm(args: Record<string, unknown>) {
  const preview = await send(args);
  const structured = preview.structuredContent as { preview: { would_call: Record<string, unknown>; confirmation_id?: string } };
  const id = structured.preview.confirmation_id;
  expect(id, everything(preview)).toBeDefined();
  const confirmed = await send({ ...args, confirm: true, confirmation_id: id });
  return { preview, structured, confirmed };
}

/** No trace of the secret in what the server wrote or recorded, beside what a test got back. */
function expectNoSecretOutside(secret: string): void {
  expect(stderr.text()).not.toContain(secret);
  expect(JSON.stringify(audited)).not.toContain(secret);
  expect(readFileSync(auditPath, 'utf8')).not.toContain(secret);
}

describe('a spec declaring auth_code sensitive, served', () => {
  it('masks it in the preview and the audit line, while api3 gets it', async () => {
    const secret = currentSecret;
    const nested = `${secret}-nested`;
    const { preview, structured, confirmed } = await previewThenConfirm({ domain: 'example.com', auth_code: secret, more: [{ domain: 'b.com', auth_code: nested }] });
    expect(structured.preview.would_call).toEqual({ domain: 'example.com', auth_code: MASK, more: [{ domain: 'b.com', auth_code: MASK }] });
    expect(everything(preview)).not.toContain(secret);
    expect(confirmed.isError, everything(confirmed)).toBeFalsy();
    expect(confirmed.structuredContent).toEqual({ transferred: true });
    // api3 gets the real values.
    expect(sentSecret()).toEqual([secret]);
    expect(api.requests.find((r) => r.command === 'transfer_with_code')?.params.auth0).toBe(nested);
    // The audit line records the call, masked.
    const entry = audited.at(-1);
    expect(entry).toMatchObject({ tool: 'transfer_with_code', outcome: 'done', args: { domain: 'example.com', auth_code: MASK, more: [{ domain: 'b.com', auth_code: MASK }] } });
    expect(readFileSync(auditPath, 'utf8').trim().split('\n').at(-1)).toContain('"auth_code":"***"');
    expectNoSecretOutside(secret);
    expectNoSecretOutside(nested);
  });

  it('keeps it out of the error text and the audit line when api3 echoes it in a refusal', async () => {
    const secret = currentSecret;
    mode = 'refuse';
    const { confirmed } = await previewThenConfirm({ domain: 'example.com', auth_code: secret });
    expect(confirmed.isError).toBe(true);
    expect(sentSecret()).toEqual([secret]);
    const text = everything(confirmed);
    expect(text).toContain('invalid_input');
    expect(text).toContain('auth code [redacted] is not valid');
    expect(text).not.toContain(secret);
    expect(audited.at(-1)).toMatchObject({ tool: 'transfer_with_code', outcome: 'error', args: { auth_code: MASK } });
    expectNoSecretOutside(secret);
  });

  it('keeps it out of the log line and the error when an answer makes the tool throw', async () => {
    const secret = currentSecret;
    mode = 'crash';
    const { confirmed } = await previewThenConfirm({ domain: 'example.com', auth_code: secret });
    expect(confirmed.isError).toBe(true);
    expect(sentSecret()).toEqual([secret]);
    expect(everything(confirmed)).toContain('cannot read this answer: [redacted]');
    expect(everything(confirmed)).not.toContain(secret);
    // The unexpected failure is logged, with its stack, redacted.
    expect(stderr.text()).toMatch(/tool failed unexpectedly.*cannot read this answer: \[redacted\]/);
    expectNoSecretOutside(secret);
  });

  it("keeps it out of the log line of a preview's failed read and out of that preview", async () => {
    const secret = currentSecret;
    mode = 'preview_timeout';
    const result = await send({ domain: 'example.com', auth_code: secret });
    const preview = (result.structuredContent as { preview: { refused_because?: string[]; would_call: Record<string, unknown> } }).preview;
    expect(preview.refused_because?.[0]).toMatch(/could not read/);
    expect(preview.would_call.auth_code).toBe(MASK);
    expect(everything(result)).not.toContain(secret);
    expect(stderr.text()).toMatch(/preview lookup for transfer_with_code failed: .*last words: \[redacted\]/);
    expect(sentSecret()).toEqual([]);
    expectNoSecretOutside(secret);
  });
});
