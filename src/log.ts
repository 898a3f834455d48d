import { redact } from './api3/redact.js';

/**
 * The one logger. It writes to stderr only: in stdio mode stdout carries the MCP protocol and
 * a stray line there breaks the client. Every line is redacted.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let threshold: number = ORDER[(process.env.DYNADOT_LOG_LEVEL as LogLevel) ?? 'info'] ?? ORDER.info;

export function setLogLevel(level: LogLevel): void {
  threshold = ORDER[level];
}

export function log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < threshold) return;
  const extra = fields ? ` ${JSON.stringify(fields)}` : '';
  process.stderr.write(redact(`[mcp-server-dynadot] ${level}: ${message}${extra}`) + '\n');
}
