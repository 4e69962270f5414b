// The project's own JSON Schemas (schemas/*.schema.json, draft 2020-12) under ajv: the corrected
// counterpart of the seed schema, shipped for users. Handles and DIDs are validated with the
// schemas' own `$defs`, compiled alone. docs/json-schema.md lists what JSON Schema cannot express.
import type { ValidateFunction } from 'ajv';
import type { Validator } from '../contract/validator.js';
import type { ValidatorKind } from '../spec/rules/types.js';
import { readResource } from '../util/paths.js';
import { ajvResult, ajvVersion, createAjv } from './ajv-support.js';

function loadSchema(file: string): { $id: string } {
  return JSON.parse(readResource('schemas', file)) as { $id: string };
}

export function create(): Validator {
  const ajv = createAjv();
  const session = loadSchema('session.schema.json');
  const getSession = loadSchema('get-session.schema.json');
  ajv.addSchema(session).addSchema(getSession);

  const compiled = (ref: string): ValidateFunction => {
    const fn = ajv.getSchema(ref);
    if (fn === undefined) throw new Error(`schema ${ref} not found`);
    return fn;
  };
  const byKind: Record<ValidatorKind, ValidateFunction> = {
    handle: compiled(`${session.$id}#/$defs/handle`),
    did: compiled(`${session.$id}#/$defs/did`),
    session: compiled(session.$id),
    getSession: compiled(getSession.$id),
  };

  return {
    name: 'atproto-session-conformance JSON Schema (ajv + ajv-formats)',
    version: ajvVersion(),
    kinds: ['handle', 'did', 'session', 'getSession'],
    validate: (kind, value) => ajvResult(byKind[kind], value),
  };
}
