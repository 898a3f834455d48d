/**
 * The floor of the cold-start bench: the least a v2 SDK server over stdio can be, one tool and
 * nothing else. The bench bundles it with esbuild into one ES module before timing it, so it
 * pays no more module loading than a bundled server must.
 */
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

function makeServer(): McpServer {
  const server = new McpServer({ name: 'floor', version: '1.0.0' });
  server.registerTool('echo', { description: 'Echoes the text back.', inputSchema: z.object({ text: z.string() }) }, async ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  return server;
}

serveStdio(makeServer);
