import type { AnyToolSpec } from '../../src/server/define.js';
import getDns from './get_dns.js';
import setDns2 from './set_dns2.js';
import setDnssec from './set_dnssec.js';
import updateDnsRecords from './update_dns_records.js';

export const dnsTools: AnyToolSpec[] = [getDns, setDns2, updateDnsRecords, setDnssec];
