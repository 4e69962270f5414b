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

  const syntaxes = [
    ['handle', handlesValid, handlesInvalid, handleViolations, isValidHandle],
    ['DID', didsValid, didsInvalid, didViolations, isValidDid],
  ] as const;
  for (const [what, valid, invalid, violations, isValid] of syntaxes) {
    it.each(valid)(`valid ${what} %j`, (v) => {
      expect(violations(v)).toEqual([]);
      expect(isValid(v)).toBe(true);
    });

    it.each(invalid)(`invalid ${what} %j`, (v) => {
      expect(violations(v).length).toBeGreaterThan(0);
      expect(isValid(v)).toBe(false);
    });
  }
});
