import {
  didViolations,
  handleViolations,
  isValidDid,
  isValidHandle,
} from '../../../src/spec/index.js';
import { readInteropFile } from '../../_helpers/interop.js';

const handlesValid = readInteropFile('handle_syntax_valid.txt');
const handlesInvalid = readInteropFile('handle_syntax_invalid.txt');
const didsValid = readInteropFile('did_syntax_valid.txt');
const didsInvalid = readInteropFile('did_syntax_invalid.txt');

describe('interop vectors (the oracle agrees with every one)', () => {
  it('has every vector, untrimmed', () => {
    expect([handlesValid.length, handlesInvalid.length]).toEqual([71, 48]);
    expect([didsValid.length, didsInvalid.length]).toEqual([24, 18]);
    expect(handlesInvalid).toContain(' john.test');
    expect(handlesInvalid).toContain('john.test ');
  });

  it.each(handlesValid)('valid handle %j', (h) => {
    expect(handleViolations(h)).toEqual([]);
    expect(isValidHandle(h)).toBe(true);
  });

  it.each(handlesInvalid)('invalid handle %j', (h) => {
    expect(handleViolations(h).length).toBeGreaterThan(0);
    expect(isValidHandle(h)).toBe(false);
  });

  it.each(didsValid)('valid DID %j', (d) => {
    expect(didViolations(d)).toEqual([]);
    expect(isValidDid(d)).toBe(true);
  });

  it.each(didsInvalid)('invalid DID %j', (d) => {
    expect(didViolations(d).length).toBeGreaterThan(0);
    expect(isValidDid(d)).toBe(false);
  });
});
