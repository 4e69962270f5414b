import { maskSecrets, secretForms } from '../report/redact.js';
import { spellPublicToken } from './curl.js';

/*
 * Redaction by value. Every secret the run sees (the password, each access and refresh token) is
 * registered here as soon as it is known, and every string that leaves the run (reports, logs,
 * stdout, stderr, error messages, curl commands) goes through `text` or `value`. Matching is on
 * the secret itself, not on field or header names, so a token echoed anywhere is caught; a
 * JWT-shaped string it was never told about is masked as well.
 */

export const ACCESS_PLACEHOLDER = '$ACCESS_JWT';
export const REFRESH_PLACEHOLDER = '$REFRESH_JWT';
export const DEFAULT_PASSWORD_ENV = 'ATPROTO_PASSWORD';

/**
 * A piece of redacted text: literal text, or the shell variable holding a secret (a name such as
 * `ACCESS_JWT`, or an expansion such as `{ACCESS_JWT%.*}`; either follows a `$`).
 */
export type Segment =
  | { readonly text: string }
  | { readonly variable: string }
  | { readonly publicToken: string };

/** A JWT signature is the part that must never leak; shorter parts are not worth matching. */
const MIN_PART_LENGTH = 16;

export class Redactor {
  /** secret value -> variable name (without `$`). */
  private readonly secrets = new Map<string, string>();
  /** JWT-shaped values the tool made up itself (the expired-looking bearers): no secret. */
  private readonly publicTokens = new Set<string>();
  private pattern: RegExp | undefined;

  constructor(readonly passwordEnv: string = DEFAULT_PASSWORD_ENV) {}

  /** The password, and the forms it takes in JSON, URLs, forms, HTML and base64 text. */
  addPassword(password: string): void {
    for (const form of secretForms(password)) this.add(form, this.passwordEnv);
  }

  /** A value derived from a secret, shown as the shell expression that derives it. */
  addDerived(value: string, expression: string): void {
    if (value.length >= MIN_PART_LENGTH) this.add(value, expression);
  }

  /**
   * A JWT-shaped value the tool itself made up, signed with no server's key: shown spelled as
   * quoted parts joined by dots (as a shell word), so that the masking of anything JWT-shaped
   * leaves it readable and a curl command can be pasted as it is.
   */
  addPublicToken(token: string): void {
    if (this.publicTokens.has(token) || this.secrets.has(token)) return;
    this.publicTokens.add(token);
    this.pattern = undefined;
  }

  /** Registers a token seen in a response. Non-strings are ignored. */
  addToken(token: unknown, kind: 'access' | 'refresh'): void {
    if (typeof token !== 'string') return;
    this.add(token, (kind === 'access' ? ACCESS_PLACEHOLDER : REFRESH_PLACEHOLDER).slice(1));
    // A server that echoes only part of a token still leaks its signature.
    const signature = token.split('.')[2];
    if (signature !== undefined && signature.length >= MIN_PART_LENGTH) {
      this.add(signature, `${kind === 'access' ? 'ACCESS' : 'REFRESH'}_JWT_SIGNATURE`);
    }
  }

  private add(secret: string, variable: string): void {
    if (secret.length === 0 || this.secrets.has(secret)) return;
    this.secrets.set(secret, variable);
    // The same secret inside JSON text has its quotes, backslashes and controls escaped.
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && !this.secrets.has(escaped)) this.secrets.set(escaped, variable);
    this.pattern = undefined;
  }

  /** How many distinct secrets are known (for tests). */
  get size(): number {
    return this.secrets.size;
  }

  private regex(): RegExp | undefined {
    if (this.secrets.size === 0 && this.publicTokens.size === 0) return undefined;
    if (this.pattern === undefined) {
      // Longest first, so a token wins over its own signature part.
      const alternatives = [...this.secrets.keys(), ...this.publicTokens]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.pattern = new RegExp(alternatives.join('|'), 'g');
    }
    return this.pattern;
  }

  /** The text cut into literal parts and secrets (named by their variable). */
  segments(text: string): Segment[] {
    const re = this.regex();
    if (re === undefined) return text.length > 0 ? [{ text }] : [];
    const out: Segment[] = [];
    let last = 0;
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      if (at > last) out.push({ text: text.slice(last, at) });
      const variable = this.secrets.get(m[0]);
      out.push(variable === undefined ? { publicToken: m[0] } : { variable });
      last = at + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last) });
    return out;
  }

  /**
   * The text with each secret replaced by `$VARIABLE`, each made-up token spelled, and anything
   * else JWT-shaped masked.
   */
  text(text: string): string {
    const re = this.regex();
    const named =
      re === undefined
        ? text
        : text.replace(re, (m) => {
            const variable = this.secrets.get(m);
            return variable === undefined ? spellPublicToken(m) : `$${variable}`;
          });
    return maskSecrets(named);
  }

  /** A deep copy of a JSON-like value with every string (keys too) redacted. */
  value<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.walk(v);
      return out;
    }
    return value;
  }

  /** One redacted line for an error of any type. */
  error(err: unknown): string {
    const message = err instanceof Error ? err.message : String(err);
    return this.text(message.split('\n')[0] ?? message);
  }
}
