import { redact } from './api3/redact.js';

/**
 * The one logger. It writes to stderr only: in stdio mode stdout carries the MCP protocol and
 * a stray line there breaks the client. Every line is redacted.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function isLogLevel(name: string): name is LogLevel {
  return Object.hasOwn(ORDER, name);
}

const fromEnv = process.env.DYNADOT_LOG_LEVEL;
let threshold: number = fromEnv !== undefined && isLogLevel(fromEnv) ? ORDER[fromEnv] : ORDER.info;

export function setLogLevel(level: LogLevel): void {
  threshold = ORDER[level];
}

export function log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < threshold) return;
  const extra = fields ? ` ${JSON.stringify(fields)}` : '';
  process.stderr.write(`${redact(`[mcp-server-dynadot] ${level}: ${message}${extra}`)}\n`);
}

/** The message of anything thrown (`error.message`, or the value itself as text), for log lines and error texts. */
export function errorMessage(error: unknown): string {
  return String(property(error, 'message') ?? error);
}

/** The stack of anything thrown (`error.stack`, or the value itself as text), for log lines. */
export function errorStack(error: unknown): string {
  return String(property(error, 'stack') ?? error);
}

function property(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value ? Reflect.get(value, name) : undefined;
}
