import { randomBytes } from 'node:crypto';

/*
 * The fixed parts of the requests a run sends: the endpoints, the JSON header, and the wrong
 * credentials of the bad-login checks (random, so never a real account's).
 */

export const NSID = {
  create: 'com.atproto.server.createSession',
  get: 'com.atproto.server.getSession',
  refresh: 'com.atproto.server.refreshSession',
  delete: 'com.atproto.server.deleteSession',
} as const;

export type SessionNsid = (typeof NSID)[keyof typeof NSID];

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** An identifier of the same shape as the real one that no account has. */
export function unknownIdentifier(identifier: string): string {
  const name = `nobody-${randomHex(6)}`;
  const at = identifier.lastIndexOf('@');
  if (at !== -1) return `${name}@${identifier.slice(at + 1)}`;
  if (identifier.startsWith('did:')) {
    const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
    const id = [...randomBytes(24)].map((b) => base32[b % 32]).join('');
    return `did:plc:${id}`;
  }
  const dot = identifier.indexOf('.');
  return dot === -1 ? `${name}.invalid` : `${name}${identifier.slice(dot)}`;
}

/** A password that is certainly not the real one. */
export function wrongPassword(real: string): string {
  for (;;) {
    const candidate = `wrong-${randomBytes(12).toString('base64url')}`;
    if (candidate !== real) return candidate;
  }
}
