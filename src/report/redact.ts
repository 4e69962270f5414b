import { escapeHtml } from './html.js';

/*
 * The last line of defence before text leaves the tool: anything shaped like a JWT (a compact
 * JWS or JWE whose header is base64url JSON, so it starts with `eyJ`), and each given secret in
 * the forms it takes in JSON, URLs, forms, HTML and base64, are masked. Live mode redacts the
 * secrets it knows by value first (with shell variables, so curl commands still work); this
 * catches what it could not know, such as a token a server echoes under another name.
 */

export const JWT_MASK = '[redacted JWT]';
export const SECRET_MASK = '[redacted]';

/** `eyJ…` header, a dot, a payload, a dot, and the rest of the compact serialization. */
const JWT_SHAPED = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)+/g;

/** Encoded forms shorter than this are too likely to occur by chance to be masked. */
const MIN_ENCODED_LENGTH = 8;

/** The forms a secret takes in text: raw, JSON-escaped, URL- and form-encoded, HTML, base64. */
export function secretForms(secret: string): string[] {
  if (secret.length === 0) return [];
  const bytes = Buffer.from(secret, 'utf8');
  const json = JSON.stringify(secret).slice(1, -1);
  const encoded = [
    json,
    JSON.stringify(json).slice(1, -1),
    // JSON.stringify leaves non-ASCII as is; other encoders write \uXXXX escapes.
    json.replace(
      /[\u0080-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    escapeHtml(secret),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
  ].filter((form) => form.length >= MIN_ENCODED_LENGTH);
  return [...new Set([secret, ...encoded])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with every JWT-shaped string and every form of each secret masked. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(JWT_SHAPED, JWT_MASK);
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length > 0) {
    out = out.replace(new RegExp(forms.map(escapeRegExp).join('|'), 'g'), SECRET_MASK);
  }
  return out;
}
