import type { RuleId } from '../../src/spec/rules/index.js';

/**
 * A JSON value. Every generator yields plain JSON data (no undefined, NaN, Infinity, -0, functions
 * or class instances), so any value can be sent to a validator written in another language.
 * @public
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** @public */
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * An invalid value and the rules it breaks: exactly what the reference oracle reports for it, in
 * catalogue order.
 * @public
 */
export interface Labelled<R extends RuleId = RuleId> {
  readonly value: JsonValue;
  readonly violates: R[];
}
