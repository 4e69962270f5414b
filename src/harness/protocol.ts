import type { Verdict } from '../contract/validator.js';
import { VALIDATOR_KINDS, type ValidatorKind } from '../spec/rules/types.js';
import {
  isProtocolVersion,
  LATEST_PROTOCOL_VERSION,
  PROTOCOL_VERSIONS,
  type ProtocolVersion,
} from './protocol-v2.js';

/*
 * Harness protocol v1 (docs/harness-protocol.md, schemas/harness-protocol-v1.schema.json), and
 * the v2 additions the start reply and `serve` need (the rest is in protocol-v2.ts):
 * newline-delimited JSON on the program's stdin/stdout, one object per line.
 * - runner -> program: `start`, `validate` (with a `seq`), `stop`
 * - program -> runner: one start reply, then one answer per `validate`, matched by `seq`
 * Parsing here is shared by the `cmd:` target (reading answers) and `serve` (reading requests).
 */

export interface ImplementationInfo {
  readonly name: string;
  readonly version?: string;
  readonly language?: string;
  readonly homepage?: string;
  readonly kinds: readonly ValidatorKind[];
}

export type Request =
  | { readonly cmd: 'start'; readonly version: number }
  | {
      readonly cmd: 'validate';
      readonly seq: number;
      readonly kind: ValidatorKind;
      readonly value: unknown;
    }
  | {
      readonly cmd: 'validateBatch';
      readonly batch: number;
      /** Each item still to be read with `readItem`. */
      readonly requests: readonly unknown[];
    }
  | { readonly cmd: 'stop' };

type Bad = { error: string; seq?: number };

export function isValidatorKind(value: unknown): value is ValidatorKind {
  return (VALIDATOR_KINDS as readonly unknown[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSeq(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A short, single-line rendering of a value for error messages. */
export function preview(value: unknown, max = 120): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  text = text.replace(/[\r\n]+/g, ' ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The one-line `validate` request is `validateHead(seq, kind)`, the value's JSON, then `}`:
 * written in pieces, it never exists as one string.
 */
export function validateHead(seq: number, kind: ValidatorKind): string {
  return `{"cmd":"validate","seq":${seq},"kind":"${kind}","value":`;
}

/** The one-line answer to request `seq`; `seq` is left out only when a request had none. */
export function encodeAnswer(seq: number | undefined, verdict: Verdict): string {
  const head = seq === undefined ? {} : { seq };
  switch (verdict.outcome) {
    case 'valid':
      return JSON.stringify({ ...head, valid: true });
    case 'invalid':
      return JSON.stringify({ ...head, valid: false, errors: verdict.errors ?? [] });
    case 'skipped':
      return JSON.stringify({ ...head, skipped: true, message: verdict.message });
    case 'errored':
      return JSON.stringify({ ...head, errored: true, message: verdict.message });
  }
}

/**
 * Reads an answer object (whose `seq` the caller already matched) as a verdict. Exactly one of
 * `valid`, `skipped: true` or `errored: true` must be present. Returns a string on a malformed
 * answer: what is wrong with it.
 */
export function readAnswer(answer: Record<string, unknown>): Verdict | string {
  const { valid, skipped, errored, errors, message } = answer;
  const forms = [valid !== undefined, skipped !== undefined, errored !== undefined];
  if (forms.filter(Boolean).length !== 1) {
    return 'an answer has exactly one of "valid", "skipped" or "errored"';
  }
  if (message !== undefined && typeof message !== 'string') return '"message" must be a string';
  if (valid === true) return { outcome: 'valid' };
  if (valid === false) {
    if (errors === undefined) return { outcome: 'invalid' };
    if (!Array.isArray(errors) || !errors.every((e) => typeof e === 'string')) {
      return '"errors" must be an array of strings';
    }
    return { outcome: 'invalid', errors };
  }
  if (skipped === true) return { outcome: 'skipped', message: message ?? 'skipped by the harness' };
  if (errored === true) return { outcome: 'errored', message: message ?? 'errored in the harness' };
  return '"valid" must be a boolean, "skipped" and "errored" must be true';
}

/** The `seq` of an answer object, when it has a usable one. */
export function answerSeq(answer: unknown): number | undefined {
  return isRecord(answer) && isSeq(answer.seq) ? answer.seq : undefined;
}

/** Finds a `"seq": N` in a line that is not JSON, so a broken answer can still be attributed. */
export function peekSeq(line: string): number | undefined {
  const match = /"seq"\s*:\s*(\d{1,15})\b/.exec(line);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export interface StartReply {
  readonly info: ImplementationInfo;
  readonly ignoredKinds: string[];
  /** The version the harness speaks from now on. */
  readonly version: ProtocolVersion;
  /** v2: the most values the harness takes in one batch, if it said. */
  readonly maxBatch?: number;
}

/**
 * Reads the reply to `start`, which offered versions up to `offered`. Kinds this suite does not
 * know are dropped (a harness may be newer than the runner); a reply with no known kind, no name
 * or a version not offered is refused.
 */
export function readStartReply(
  reply: unknown,
  offered: ProtocolVersion = LATEST_PROTOCOL_VERSION,
): StartReply | string {
  if (!isRecord(reply)) return `the start reply is not a JSON object: ${preview(reply)}`;
  const version = reply.version;
  if (!isProtocolVersion(version) || version > offered) {
    const spoken = PROTOCOL_VERSIONS.filter((v) => v <= offered).join(' and ');
    return `the harness speaks protocol version ${preview(version)}, this runner speaks ${spoken}`;
  }
  const { maxBatch } = reply;
  if (version >= 2 && maxBatch !== undefined && !(isSeq(maxBatch) && maxBatch >= 1)) {
    return '"maxBatch" must be a positive integer';
  }
  const impl = reply.implementation;
  if (!isRecord(impl)) return 'the start reply has no "implementation" object';
  if (typeof impl.name !== 'string' || impl.name.length === 0) {
    return 'the start reply has no "implementation.name" string';
  }
  for (const field of ['version', 'language', 'homepage'] as const) {
    if (impl[field] !== undefined && typeof impl[field] !== 'string') {
      return `"implementation.${field}" must be a string`;
    }
  }
  if (!Array.isArray(impl.kinds)) return 'the start reply has no "implementation.kinds" array';
  const kinds = VALIDATOR_KINDS.filter((k) => (impl.kinds as unknown[]).includes(k));
  const ignoredKinds = impl.kinds.filter((k) => !isValidatorKind(k)).map((k) => preview(k));
  if (kinds.length === 0) {
    return `the harness declares no known kind (known: ${VALIDATOR_KINDS.join(', ')})`;
  }
  const info: ImplementationInfo = {
    name: impl.name,
    ...(typeof impl.version === 'string' ? { version: impl.version } : {}),
    ...(typeof impl.language === 'string' ? { language: impl.language } : {}),
    ...(typeof impl.homepage === 'string' ? { homepage: impl.homepage } : {}),
    kinds,
  };
  return {
    info,
    ignoredKinds,
    version,
    ...(version >= 2 && typeof maxBatch === 'number' ? { maxBatch } : {}),
  };
}

/** Reads one request line for `serve`. Returns a string (and the seq, if readable) when bad. */
export function readRequest(line: string): Request | Bad {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    const seq = peekSeq(line);
    return { error: `not JSON: ${preview(line)}`, ...(seq === undefined ? {} : { seq }) };
  }
  if (!isRecord(parsed)) return { error: `not a JSON object: ${preview(parsed)}` };
  const seq = isSeq(parsed.seq) ? parsed.seq : undefined;
  const bad = (error: string): Bad => (seq === undefined ? { error } : { error, seq });
  switch (parsed.cmd) {
    case 'start':
      return Number.isSafeInteger(parsed.version)
        ? { cmd: 'start', version: parsed.version as number }
        : bad('"start" needs an integer "version"');
    case 'stop':
      return { cmd: 'stop' };
    case 'validate': {
      const item = readItem(parsed, '"validate"');
      return 'error' in item ? item : { cmd: 'validate', ...item };
    }
    case 'validateBatch':
      if (!isSeq(parsed.batch)) return bad('"validateBatch" needs a non-negative integer "batch"');
      if (!Array.isArray(parsed.requests)) return bad('"validateBatch" needs a "requests" array');
      return { cmd: 'validateBatch', batch: parsed.batch, requests: parsed.requests };
    default:
      return bad(`unknown command ${preview(parsed.cmd)}`);
  }
}

/** One request (a `validate` line, or an item of a batch): its seq, kind and value. */
export function readItem(
  item: unknown,
  what = 'a batch request',
): { seq: number; kind: ValidatorKind; value: unknown } | Bad {
  if (!isRecord(item)) return { error: `${what} is not a JSON object: ${preview(item)}` };
  const seq = isSeq(item.seq) ? item.seq : undefined;
  const bad = (error: string): Bad => (seq === undefined ? { error } : { error, seq });
  if (seq === undefined) return bad(`${what} needs a non-negative integer "seq"`);
  if (!isValidatorKind(item.kind)) {
    return bad(`unknown kind ${preview(item.kind)} (known: ${VALIDATOR_KINDS.join(', ')})`);
  }
  if (!('value' in item)) return bad(`${what} needs a "value"`);
  return { seq, kind: item.kind, value: item.value };
}
