import {
  isCidString,
  nestingDepth,
  type SessionRuleId,
  sessionViolations,
} from '../../../src/spec/index.js';
import { readResource } from '../../../src/util/paths.js';
import { readInteropFile } from '../../_helpers/interop.js';

interface Vector {
  readonly note?: string;
  readonly json: unknown;
}

function readVectors(name: string): Vector[] {
  return JSON.parse(readResource('vendor', 'interop', 'data-model', name)) as Vector[];
}

const valid = [...readVectors('data-model-valid.json'), ...readVectors('data-model-fixtures.json')];
const invalid = readVectors('data-model-invalid.json');
const BASE = { handle: 'alice.test', did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz' };

function asDidDoc(doc: unknown): SessionRuleId[] {
  return sessionViolations('getSession', { ...BASE, didDoc: doc });
}

function nested(doc: unknown): SessionRuleId[] {
  return asDidDoc({ id: BASE.did, service: [{ data: doc }] });
}

describe('interop data-model vectors, placed as a didDoc and nested inside one', () => {
  it('has every vector', () => {
    expect([valid.length, invalid.length]).toEqual([8, 12]);
  });

  it.each(valid.map((v, i) => [v.note ?? `fixture ${i}`, v.json]))('valid: %s', (_, json) => {
    expect(asDidDoc(json)).toEqual([]);
    expect(nested(json)).toEqual([]);
  });

  it.each(invalid.map((v) => [v.note, v.json]))('invalid: %s', (note, json) => {
    expect(asDidDoc(json).length).toBeGreaterThan(0);
    // A string is fine inside a document; only the top level must be an object.
    if (note === 'top-level not an object') expect(nested(json)).toEqual([]);
    else expect(nested(json).length).toBeGreaterThan(0);
  });

  it('names the rule each invalid vector breaks', () => {
    const rules = invalid.map((v) => asDidDoc(v.json));
    expect(rules).toEqual([
      ['session.field.didDoc.type'],
      ['session.field.didDoc.no-float'],
      ['session.field.didDoc.type-field'],
      ['session.field.didDoc.type-field'],
      ['session.field.didDoc.type-field'],
      ['session.field.didDoc.blob'],
      ['session.field.didDoc.blob'],
      ['session.field.didDoc.bytes'],
      ['session.field.didDoc.bytes'],
      ['session.field.didDoc.link'],
      ['session.field.didDoc.link'],
      ['session.field.didDoc.link'],
    ]);
  });
});

describe('interop CID syntax vectors (the `$link` check)', () => {
  it.each(readInteropFile('cid_syntax_valid.txt'))('valid CID %j', (c) => {
    expect(isCidString(c)).toBe(true);
  });
  it.each(readInteropFile('cid_syntax_invalid.txt'))('invalid CID %j', (c) => {
    expect(isCidString(c)).toBe(false);
  });
});

describe('the data model beyond the vectors', () => {
  it('refuses a didDoc shaped as a compound type', () => {
    const link = { $link: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a' };
    expect(asDidDoc(link)).toEqual(['session.field.didDoc.not-compound']);
    expect(asDidDoc({ $bytes: 'AAEC' })).toEqual(['session.field.didDoc.not-compound']);
    const blob = { $type: 'blob', ref: link, mimeType: 'image/png', size: 3 };
    expect(asDidDoc(blob)).toEqual(['session.field.didDoc.not-compound']);
    expect(asDidDoc({ a: link, b: { $bytes: 'AAEC' }, c: blob, $foo: 1 })).toEqual([]);
  });

  it('accepts every double a valid int64 text parses to, and nothing beyond', () => {
    const parse = (text: string): unknown => asDidDoc(JSON.parse(`{"n":${text}}`));
    expect(parse('9223372036854775807')).toEqual([]);
    expect(parse('-9223372036854775808')).toEqual([]);
    expect(parse('9223372036854774784')).toEqual([]);
    expect(parse('9223372036854777856')).toEqual(['session.field.didDoc.no-float']);
    expect(parse('-9223372036854777856')).toEqual(['session.field.didDoc.no-float']);
    expect(parse('1e30')).toEqual(['session.field.didDoc.no-float']);
    expect(parse('123.0')).toEqual([]);
  });

  it('refuses lone surrogates in string fields, didDoc strings and didDoc keys', () => {
    const lone = JSON.parse('"a\\ud800b"') as string;
    const pair = JSON.parse('"a\\ud83d\\ude00b"') as string;
    expect(sessionViolations('getSession', { ...BASE, email: lone })).toEqual([
      'session.field.unicode',
    ]);
    expect(sessionViolations('getSession', { ...BASE, status: `${lone}`.slice(1) })).toEqual([
      'session.field.unicode',
    ]);
    expect(asDidDoc({ x: [lone] })).toEqual(['session.field.didDoc.unicode']);
    expect(asDidDoc({ [lone]: 1 })).toEqual(['session.field.didDoc.unicode']);
    expect(
      sessionViolations('getSession', { ...BASE, email: pair, didDoc: { [pair]: pair } }),
    ).toEqual([]);
    expect(sessionViolations('session', { ...BASE, accessJwt: lone, refreshJwt: 'r' })).toEqual([
      'session.field.unicode',
    ]);
  });

  it('gives a verdict at any depth, without recursion', () => {
    const depth = 200_000;
    const deep = (leaf: unknown): unknown => {
      let v: unknown = leaf;
      for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { k: v };
      return v;
    };
    expect(asDidDoc({ d: deep(1) })).toEqual([]);
    expect(asDidDoc({ d: deep(0.5) })).toEqual(['session.field.didDoc.no-float']);
    expect(nestingDepth({ d: deep(1) })).toBe(depth + 1);
  });
});
