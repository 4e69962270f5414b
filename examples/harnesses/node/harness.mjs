#!/usr/bin/env node
// An AT Protocol handle / DID / session validator speaking harness protocol v1. Plain Node, no
// dependencies. Run it as a target:
//
//   atproto-conformance run --target 'cmd:node examples/harnesses/node/harness.mjs'
//
// Protocol: one JSON object per line on stdin, one answer per line on stdout.
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

// The atproto data model has no floats, and its integers are 64-bit. JSON 1.0 parses to the
// integer 1, so numbers with a fractional part count, and whole numbers beyond 64 bits (1e30).
function containsFloat(value) {
  if (typeof value === 'number') {
    return !(Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63);
  }
  if (Array.isArray(value)) return value.some(containsFloat);
  if (isObject(value)) return Object.values(value).some(containsFloat);
  return false;
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
    else if (field === 'didDoc' && containsFloat(item)) errors.push('didDoc: contains a float');
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
    send({
      version: 1,
      implementation: {
        name: 'node-example',
        version: '1.0.0',
        language: 'javascript',
        kinds: Object.keys(VALIDATORS),
      },
    });
  } else if (request?.cmd === 'validate') {
    send(answer(request));
  } else if (request?.cmd === 'stop') {
    // Stop reading; node exits once the last answers are written.
    stopped = true;
    lines.close();
    process.stdin.destroy();
  } else {
    send({ errored: true, message: `unknown command ${JSON.stringify(request?.cmd)}` });
  }
});
