import fc from 'fast-check';
import { email } from '../../../generators/_internals/email.js';
import { KNOWN_STATUSES, status } from '../../../generators/_internals/status.js';
import { didDoc } from '../../../generators/didDoc.js';
import {
  coherenceViolations,
  containsFloat,
  isPlainObject,
  sessionViolations,
} from '../../../src/spec/index.js';
import {
  assertPlainJson,
  assertProduceCorrectValues,
  assertSameJson,
  assertThat,
  countWhere,
} from '../../_helpers/arbitraryAssertions.js';

describe('status()', () => {
  it('should produce every kind of status string', () => {
    const values = fc.sample(status(), { seed: 5, numRuns: 1000 });
    for (const s of values) expect(typeof s).toBe('string');
    for (const known of [...KNOWN_STATUSES, 'deleted', 'desynchronized', 'throttled', '']) {
      expect(values).toContain(known);
    }
    expect(countWhere(values, (s) => !KNOWN_STATUSES.includes(s))).toBeGreaterThan(100);
  });

  it('should keep open statuses outside the known values, also when shrunk', () => {
    assertProduceCorrectValues(
      status({ set: 'open' }),
      (s) => assertThat(typeof s === 'string' && !KNOWN_STATUSES.includes(s), 'an open status'),
      { numRuns: 100, maxShrinkSteps: 10 },
    );
  });

  it('should keep known statuses known', () => {
    for (const s of fc.sample(status({ set: 'known' }), { seed: 1, numRuns: 50 })) {
      expect(KNOWN_STATUSES).toContain(s);
    }
  });
});

describe('email()', () => {
  it('should produce ASCII addresses, Unicode addresses and non-addresses', () => {
    const values = fc.sample(email(), { seed: 5, numRuns: 1000 });
    for (const e of values) expect(typeof e).toBe('string');
    const address = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;
    expect(countWhere(values, (e) => address.test(e) && /^[\x20-\x7e]+$/.test(e))).toBeGreaterThan(
      0,
    );
    expect(countWhere(values, (e) => address.test(e) && /[^\x20-\x7e]/.test(e))).toBeGreaterThan(0);
    expect(countWhere(values, (e) => !address.test(e))).toBeGreaterThan(0);
  });
});

describe('didDoc()', () => {
  const did = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
  const handle = 'alice.example.com';

  it('should produce documents coherent with the DID and handle, also when shrunk', () => {
    assertProduceCorrectValues(
      didDoc({ did, handle }),
      (doc) => {
        assertPlainJson(doc);
        assertThat(isPlainObject(doc) && !containsFloat(doc), 'an object without floats');
        assertSameJson(coherenceViolations({ did, handle, didDoc: doc }), []);
        assertSameJson(sessionViolations('getSession', { did, handle, didDoc: doc }), []);
        const methods = doc.verificationMethod as {
          id: string;
          type: string;
          controller: string;
        }[];
        assertThat(
          methods.some(
            (m) => m.id.endsWith('#atproto') && m.type === 'Multikey' && m.controller === did,
          ),
          'a Multikey #atproto verification method',
        );
        const services = doc.service as { id: string; type: string }[];
        assertThat(
          services.some(
            (s) => s.id.endsWith('#atproto_pds') && s.type === 'AtprotoPersonalDataServer',
          ),
          'an #atproto_pds service',
        );
      },
      { numRuns: 50, maxShrinkSteps: 10 },
    );
  });

  it('should sometimes carry integers', () => {
    const hasInteger = (v: unknown): boolean =>
      typeof v === 'number' ||
      (Array.isArray(v) && v.some(hasInteger)) ||
      (isPlainObject(v) && Object.values(v).some(hasInteger));
    const docs = fc.sample(didDoc({ did, handle }), { seed: 2, numRuns: 300 });
    expect(countWhere(docs, hasInteger)).toBeGreaterThan(0);
  });
});
