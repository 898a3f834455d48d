import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Config } from '../config.js';

export interface HttpServerOptions {
  config: Config;
  /** A fresh McpServer per session (or per request in stateless mode). */
  makeServer: () => McpServer;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(_options: HttpServerOptions): Promise<RunningHttpServer> {
  throw new Error('--transport http is not implemented yet; use the default stdio transport');
}
