import type { Api3, Api3Request } from '../../src/api3/client.js';
import type { Api3Payload } from '../../src/api3/envelope.js';

/**
 * A scripted api3 for unit tests of tools that make more than one call (set_dns2's read-back,
 * previews): each command answers from a handler, and every request is recorded.
 */
export type FakeHandler = (request: Api3Request) => Api3Payload | Promise<Api3Payload>;

export class FakeApi implements Api3 {
  readonly requests: Api3Request[] = [];
  constructor(private readonly handlers: Record<string, FakeHandler>) {}

  async call(request: Api3Request): Promise<Api3Payload> {
    this.requests.push(request);
    const handler = this.handlers[request.command];
    if (!handler) throw new Error(`FakeApi: no answer scripted for ${request.command}`);
    return handler(request);
  }
}

/** The body api3 gives get_dns for a domain on Dynadot DNS. */
export function dnsPayload(main: Array<[type: string, value: string, extra?: string]>, sub: Array<[host: string, type: string, value: string]> = []): Api3Payload {
  return {
    root: 'GetDnsResponse',
    body: {
      ResponseCode: 0,
      Status: 'success',
      GetDns: {
        NameServerSettings: {
          Type: 'Dynadot DNS',
          MainDomains: main.map(([type, value, extra]) => ({ RecordType: type.toUpperCase(), Value: value, Value2: extra ?? '' })),
          SubDomains: sub.map(([host, type, value]) => ({ Subhost: host, RecordType: type.toUpperCase(), Value: value, Value2: '' })),
          TTL: '3600',
        },
      },
    },
  };
}
