#!/usr/bin/env node
// An AT Protocol handle / DID / session validator speaking harness protocol v2 (batches), or v1
// with --v1 or when the runner offers only v1. Plain Node, no dependencies. Run it as a target:
//
//   atproto-conformance run --target 'cmd:node examples/harnesses/node/harness.mjs'
//   atproto-conformance run --target 'cmd:node examples/harnesses/node/harness.mjs --v1'
//
// Protocol: one JSON object per line on stdin, one answer per line on stdout. In v2 a
// `validateBatch` line carries many requests, answered together by one `answers` line.
import { createInterface } from 'node:readline';

// Handle syntax (https://atproto.com/specs/handle): ASCII letters, digits and hyphens in labels
// of 1 to 63 characters, no hyphen at either end of a label, at least two labels, the last one
// starting with a letter, at most 253 characters in all. Without the `m` flag, `$` matches only
// at the very end, so a trailing newline does not slip through.
const HANDLE_RE =
  /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const MAX_HANDLE_LENGTH = 253;

// DID syntax (https://atproto.com/specs/did): "did:", a method of lowercase letters, ":", then an
// identifier of ASCII letters, digits and ._:%- that does not end in ":" or "%"; at most 2048
// characters. Percent-encoding is not checked, and any method is valid syntax.
const DID_RE = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/;
const MAX_DID_LENGTH = 2048;

function handleErrors(value) {
  if (typeof value !== 'string') return ['handle: not a string'];
  if (value.length > MAX_HANDLE_LENGTH) return ['handle: longer than 253 characters'];
  if (!HANDLE_RE.test(value)) return ['handle: not valid handle syntax'];
  return [];
}

function didErrors(value) {
  if (typeof value !== 'string') return ['did: not a string'];
  if (value.length > MAX_DID_LENGTH) return ['did: longer than 2048 characters'];
  if (!DID_RE.test(value)) return ['did: not valid DID syntax'];
  return [];
}

// The session objects (lexicons com.atproto.server.createSession / refreshSession output = kind
// "session", com.atproto.server.getSession output = kind "getSession").
const SESSION_FIELDS = {
  accessJwt: 'string',
  refreshJwt: 'string',
  handle: 'string',
  did: 'string',
  didDoc: 'object',
  email: 'string',
  emailConfirmed: 'boolean',
  emailAuthFactor: 'boolean',
  active: 'boolean',
  status: 'string',
};
const TOKEN_FIELDS = ['accessJwt', 'refreshJwt'];
const REQUIRED = {
  session: ['accessJwt', 'refreshJwt', 'handle', 'did'],
  getSession: ['handle', 'did'],
};

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The atproto data model (https://atproto.com/specs/data-model): JSON 1.0 parses to the integer
// 1; integers are 64-bit (the largest int64 text parses to 2 ** 63); strings are Unicode; $type,
// $bytes, $link and blob objects are well formed.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CID = /^[a-zA-Z0-9+=]{8,256}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

const isLink = (v) =>
  isObject(v) &&
  Object.keys(v).length === 1 &&
  typeof v.$link === 'string' &&
  CID.test(v.$link) &&
  !v.$link.startsWith('Qm');

/** What breaks one node of atproto data, not looking inside it. */
function nodeError(item) {
  if (typeof item === 'number') {
    const ok = Number.isInteger(item) && item >= -(2 ** 63) && item <= 2 ** 63;
    return ok ? undefined : 'contains a float';
  }
  if (typeof item === 'string') return LONE_SURROGATE.test(item) ? 'lone surrogate' : undefined;
  if (!isObject(item)) return undefined;
  if (Object.keys(item).some((k) => LONE_SURROGATE.test(k))) return 'key with a lone surrogate';
  const type = item.$type;
  if (Object.hasOwn(item, '$type') && (typeof type !== 'string' || type === '')) {
    return '$type is not a non-empty string';
  }
  if (type === 'blob') {
    const { ref, mimeType, size } = item;
    const sized = Number.isInteger(size) && size > 0;
    if (!(isLink(ref) && typeof mimeType === 'string' && mimeType !== '' && sized)) {
      return 'malformed blob';
    }
  }
  if (Object.hasOwn(item, '$bytes')) {
    const b = item.$bytes;
    if (Object.keys(item).length !== 1 || typeof b !== 'string' || !BASE64.test(b)) {
      return 'malformed $bytes';
    }
  }
  if (Object.hasOwn(item, '$link') && !isLink(item)) return 'malformed $link';
  return undefined;
}

// didDoc is lexicon `unknown`: not itself a compound type, and atproto data at any depth
// (walked without recursion, so any depth gets an answer).
function didDocErrors(doc) {
  if (Object.hasOwn(doc, '$link') || Object.hasOwn(doc, '$bytes') || doc.$type === 'blob') {
    return ['didDoc: shaped as a compound type'];
  }
  const stack = [doc];
  while (stack.length > 0) {
    const item = stack.pop();
    const error = nodeError(item);
    if (error !== undefined) return [`didDoc: ${error}`];
    if (typeof item === 'object' && item !== null)
      for (const v of Object.values(item)) stack.push(v);
  }
  return [];
}

function sessionErrors(kind, value) {
  if (!isObject(value)) return ['session: not a JSON object'];
  const has = (field) => Object.hasOwn(value, field);
  const errors = REQUIRED[kind].filter((f) => !has(f)).map((f) => `missing required field ${f}`);
  for (const [field, type] of Object.entries(SESSION_FIELDS)) {
    // getSession declares no tokens: there they are unknown fields, and those are ignored.
    if (kind === 'getSession' && TOKEN_FIELDS.includes(field)) continue;
    if (!has(field)) continue;
    const item = value[field];
    if (item === null) errors.push(`${field}: null is not allowed`);
    else if (type === 'object' ? !isObject(item) : typeof item !== type) {
      errors.push(`${field}: not a${type === 'object' ? 'n' : ''} ${type}`);
    } else if (field === 'handle') errors.push(...handleErrors(item));
    else if (field === 'did') errors.push(...didErrors(item));
    else if (field === 'didDoc') errors.push(...didDocErrors(item));
    else if (type === 'string' && LONE_SURROGATE.test(item))
      errors.push(`${field}: lone surrogate`);
  }
  return errors;
}

const VALIDATORS = {
  handle: handleErrors,
  did: didErrors,
  session: (value) => sessionErrors('session', value),
  getSession: (value) => sessionErrors('getSession', value),
};

function send(message) {
  // No userland buffer to flush: the line goes to the OS now (synchronously on Linux pipes).
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

const V1_ONLY = process.argv.includes('--v1');

function answer({ seq, kind, value }) {
  if (!Number.isSafeInteger(seq) || seq < 0) return { errored: true, message: 'no valid seq' };
  const validate = Object.hasOwn(VALIDATORS, kind) ? VALIDATORS[kind] : undefined;
  if (validate === undefined) return { seq, skipped: true, message: `kind ${kind} not supported` };
  try {
    const errors = validate(value);
    return errors.length === 0 ? { seq, valid: true } : { seq, valid: false, errors };
  } catch (err) {
    return { seq, errored: true, message: String(err) };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
let stopped = false;
lines.on('line', (line) => {
  if (stopped || line.trim() === '') return;
  let request;
  try {
    request = JSON.parse(line);
  } catch (err) {
    send({ errored: true, message: `bad request: ${err.message}` });
    return;
  }
  if (request?.cmd === 'start') {
    // Speak v2 when the runner offers it (its `version` is the highest it speaks).
    send({
      version: !V1_ONLY && request.version >= 2 ? 2 : 1,
      implementation: {
        name: 'node-example',
        version: '1.0.0',
        language: 'javascript',
        kinds: Object.keys(VALIDATORS),
      },
    });
  } else if (request?.cmd === 'validate') {
    send(answer(request));
  } else if (request?.cmd === 'validateBatch' && Array.isArray(request.requests)) {
    // One line answers the whole batch; an item without a valid seq cannot be answered, and the
    // runner errors it as left out.
    const answers = request.requests.map(answer).filter((a) => a.seq !== undefined);
    send({ batch: request.batch, answers });
  } else if (request?.cmd === 'stop') {
    // Stop reading; node exits once the last answers are written.
    stopped = true;
    lines.close();
    process.stdin.destroy();
  } else {
    send({ errored: true, message: `unknown command ${JSON.stringify(request?.cmd)}` });
  }
});
