import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateResult } from '../contract/validator.js';
import { libraryVersion } from './library-version.js';

/*
 * What the two JSON Schema targets share: an ajv 2020-12 instance with ajv-formats, as a user of
 * these schemas would set it up, and ajv errors turned into one line each.
 */

export type Ajv = Ajv2020;

/**
 * ajv's defaults (strict mode on) plus ajv-formats. Both schemas compile in strict mode:
 * `examples` is a 2020-12 annotation keyword ajv knows, and ajv-formats defines `email`.
 */
export function createAjv(): Ajv {
  // allErrors: report every broken constraint, not only the first one (validity is the same).
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

export function ajvVersion(): string {
  return libraryVersion('ajv');
}

/** `<instancePath> <message>`, the way ajv prints errors, one string per error. */
export function ajvMessages(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/** A compiled ajv validator wrapped as a verdict. */
export function ajvResult(
  validate: { (value: unknown): boolean; errors?: ErrorObject[] | null },
  value: unknown,
): ValidateResult {
  const valid = validate(value);
  return valid ? { valid } : { valid, errors: ajvMessages(validate.errors) };
}
