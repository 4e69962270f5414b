import type { Redactor, Segment } from './redact.js';

/*
 * curl commands that reproduce an exchange. Secrets are never written: the redactor turns each
 * into a shell variable (`"$ATPROTO_PASSWORD"`, `"$ACCESS_JWT"`, `"$REFRESH_JWT"`) that the reader
 * sets before pasting the command.
 */

export interface CurlRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One shell word from literal parts and variables, quoting each part as it needs. */
function shellWord(segments: readonly Segment[]): string {
  if (segments.length === 0) return "''";
  return segments
    .map((s) =>
      'variable' in s
        ? `"$${s.variable}"`
        : 'publicToken' in s
          ? spellPublicToken(s.publicToken)
          : quoteLiteral(s.text),
    )
    .join('');
}

/**
 * A made-up token (no secret) as quoted parts joined by bare dots: the shell joins them back,
 * and the text is no longer JWT-shaped, so the masking of reports leaves it readable.
 */
export function spellPublicToken(token: string): string {
  return token
    .split('.')
    .map((part) => quoteLiteral(part))
    .join('.');
}

function quoteLiteral(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters need $'…' quoting
  if (!/[\u0000-\u001f\u007f]/.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
  let out = "$'";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A copy-paste curl command with every secret as a variable. */
export function toCurl(req: CurlRequest, redactor: Redactor): string {
  const parts = ['curl', '-sS', '-X', req.method, shellWord(redactor.segments(req.url))];
  for (const [name, value] of Object.entries(req.headers)) {
    parts.push('-H', shellWord(redactor.segments(`${headerCase(name)}: ${value}`)));
  }
  if (req.body !== undefined) parts.push('--data-binary', shellWord(redactor.segments(req.body)));
  return parts.join(' ');
}

/** `content-type` -> `Content-Type`, as people write headers. */
function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
