import fc from 'fast-check';
import { MAX_HANDLE_LENGTH, MAX_LABEL_LENGTH } from '../../src/spec/handle.js';
import { upperAscii } from './chars.js';
import { fixEdges } from './handleLabels.js';

/** @internal The labels of a handle before its TLD, and the TLD. */
export interface HandlePlan {
  readonly labels: readonly string[];
  readonly tld: string;
}

/**
 * Joins the labels and the TLD, spending a budget of 253 characters: labels are kept in order
 * and the one that crosses the budget is cut, so long plans give handles of exactly (or nearly)
 * 253 characters. The first label always fits (63 + 1 + 63 < 253).
 * @internal
 */
export function assembleHandle(plan: HandlePlan): string {
  // `room` counts each kept label with its period; the TLD comes last.
  let room = MAX_HANDLE_LENGTH - plan.tld.length;
  const kept: string[] = [];
  for (const label of plan.labels) {
    if (room < 2) break;
    const cut = fixEdges(label.slice(0, room - 1));
    kept.push(cut);
    room -= cut.length + 1;
  }
  return [...kept, plan.tld].join('.');
}

/**
 * A handle of exactly `length` characters (at least tld + 2) made of valid labels whose
 * characters are taken in turn from `fill` (LDH characters).
 * @internal
 */
export function fillHandle(length: number, fill: string, tld: string): string {
  const source = fill.length > 0 ? fill : 'a';
  let next = 0;
  const take = (n: number): string => {
    const chars: string[] = [];
    for (let i = 0; i < n; i++) chars.push(source[(next + i) % source.length] as string);
    next += n;
    return fixEdges(chars.join(''));
  };
  const labels: string[] = [];
  let rest = length - tld.length - 1;
  while (rest > 0) {
    let n = Math.min(MAX_LABEL_LENGTH, rest);
    // Leaving exactly one character would leave a period and an empty label.
    if (rest - n === 1) n -= 1;
    labels.push(take(n));
    rest -= n;
    if (rest > 0) rest -= 1;
  }
  return [...labels, tld].join('.');
}

/** @internal How letters of a handle are cased. */
export type CaseMode = 'lower' | 'upper' | 'mixed';

/**
 * Applies a case mode. `mixed` upper-cases the letters picked by the bits of `mask`, and always
 * the first letter of the TLD, so a mixed handle has at least one upper-case letter.
 * @internal
 */
export function applyCase(handle: string, mode: CaseMode, mask: number): string {
  if (mode === 'lower') return handle;
  if (mode === 'upper') return upperAscii(handle);
  const tldStart = handle.lastIndexOf('.') + 1;
  let out = '';
  for (let i = 0; i < handle.length; i++) {
    const c = handle[i] as string;
    const flip = i === tldStart || ((mask >>> (i % 31)) & 1) === 1;
    out += flip ? upperAscii(c) : c;
  }
  return out;
}

/** @internal A case mode and a mask for `applyCase`. */
export function caseArbitrary(modes: readonly CaseMode[]): fc.Arbitrary<[CaseMode, number]> {
  return fc.tuple(fc.constantFrom(...modes), fc.integer({ min: 0, max: 0x7fffffff }));
}
