/**
 * Which Host headers the preview answers. A web page elsewhere can point a name it controls at
 * 127.0.0.1 ("DNS rebinding") and then read the preview as if it were its own site; its requests
 * carry that name in Host. So only requests addressed to the loopback names are answered —
 * localhost, 127.0.0.1, [::1] — and, when `--host` opens the preview to a network, to that host
 * or, for a wildcard address, to the machine's own addresses: an IP address cannot be rebound.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** The host names (lower case, IPv6 without brackets) requests may be addressed to. */
export function allowedHosts(listenHost: string): Set<string> {
  const names = new Set(LOOPBACK);
  const host = listenHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) names.add(a.address.toLowerCase().replace(/%.*$/, ''));
    }
  } else {
    names.add(host);
  }
  return names;
}

/** The host name of a Host header value (`name`, `name:port`, `[v6]`, `[v6]:port`), lower case; undefined when malformed. */
export function hostName(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = header.trim().toLowerCase();
  const v6 = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(value);
  if (v6) return isIP(v6[1]) === 6 ? v6[1] : undefined;
  const plain = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  return plain ? plain[1].replace(/\.$/, '') : undefined;
}

export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostName(header);
  return name !== undefined && allowed.has(name);
}
