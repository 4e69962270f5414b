import { PassThrough } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createCmdTarget } from '../../../src/targets/cmd.js';
import { fromValidator } from '../../../src/targets/from-validator.js';
import { loadValidatorModule } from '../../../src/targets/module.js';
import { serve } from '../../../src/targets/serve.js';
import { readResource, resourcePath } from '../../../src/util/paths.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
function parts(file: string) {
  const schema = JSON.parse(readResource('schemas', file));
  ajv.addSchema(schema);
  const id = schema.$id as string;
  return {
    request: ajv.getSchema(`${id}#/$defs/request`),
    reply: ajv.getSchema(`${id}#/$defs/reply`),
  };
}
const { request, reply } = parts('harness-protocol-v1.schema.json');
const v2 = parts('harness-protocol-v2.schema.json');

function invalidLines(lines: string[], check: typeof request): string[] {
  if (check === undefined) throw new Error('schema part missing');
  return lines.filter((line) => !check(JSON.parse(line)));
}

/** A real transcript: the runner's lines and the harness's lines, through the cmd: target. */
async function transcript(spec: string, protocolVersion: 1 | 2) {
  const sent: string[] = [];
  const received: string[] = [];
  const commandLine = spec.slice('cmd:'.length);
  const target = await createCmdTarget(spec, commandLine, {
    timeoutMs: 5_000,
    protocolVersion,
    trace: (direction, line) => (direction === 'send' ? sent : received).push(line),
  });
  await target.validateBatch([
    { kind: 'handle', value: 'alice.test' },
    { kind: 'handle', value: 42 },
    { kind: 'did', value: 'did:plc:abc' },
    { kind: 'did', value: 'did:plc:abc#frag' },
    {
      kind: 'session',
      value: { handle: 'a.test', did: 'did:x:y', accessJwt: 'a', refreshJwt: 'r' },
    },
    { kind: 'getSession', value: { handle: 'a.test', did: 'did:x:y', didDoc: { v: 1.5 } } },
    { kind: 'getSession', value: [null, { deep: ['é', '\ud800'] }] },
  ]);
  await target.close();
  return { sent, received };
}

const EXAMPLES = [
  ['python', `cmd:python3 '${resourcePath('examples', 'harnesses', 'python', 'harness.py')}'`],
  [
    'node',
    `cmd:'${process.execPath}' '${resourcePath('examples', 'harnesses', 'node', 'harness.mjs')}'`,
  ],
] as const;

describe('schemas/harness-protocol-v1.schema.json', () => {
  it.each(EXAMPLES)(
    'accepts every message of a %s example harness transcript, offered v1 only',
    async (_name, spec) => {
      const { sent, received } = await transcript(spec, 1);
      expect(sent.map((l) => JSON.parse(l).cmd)).toEqual([
        'start',
        ...Array(7).fill('validate'),
        'stop',
      ]);
      expect(received).toHaveLength(8);
      expect(invalidLines(sent, request)).toEqual([]);
      expect(invalidLines(received, reply)).toEqual([]);
      // Version 2 is a superset: every v1 message is a v2 message too.
      expect(invalidLines(sent, v2.request)).toEqual([]);
      expect(invalidLines(received, v2.reply)).toEqual([]);
    },
  );

  it('accepts what serve writes, errored answers for bad requests included', async () => {
    const validator = await loadValidatorModule(
      resourcePath('suites', 'fixtures', 'faux', 'modules', 'throws.mjs'),
    );
    const input = new PassThrough();
    let output = '';
    const done = serve(validator, { input, write: (t) => (output += t) });
    input.end(
      [
        '{"cmd":"start","version":1}',
        '{"cmd":"validate","seq":1,"kind":"handle","value":"x"}',
        '{"cmd":"validate","seq":2,"kind":"session","value":"x"}',
        'garbage',
        '{"cmd":"validate","seq":3,"kind":"nope","value":"x"}',
      ].join('\n'),
    );
    await done;
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(invalidLines(lines, reply)).toEqual([]);
    // The in-process path gives the same verdicts.
    const target = fromValidator(validator, { id: 'x' }, { timeoutMs: 100 });
    expect((await target.validate('handle', 'x')).outcome).toBe('errored');
  });

  it.each([
    [request, { cmd: 'start', version: 2 }],
    [request, { cmd: 'validate', seq: 1, kind: 'handle' }],
    [request, { cmd: 'validate', seq: -1, kind: 'handle', value: 1 }],
    [request, { cmd: 'validate', seq: 1, kind: 'nsid', value: 1 }],
    [reply, { seq: 1, valid: 'yes' }],
    [reply, { seq: 1, valid: false, errors: [1] }],
    [reply, { valid: true }],
    [reply, { seq: 1, skipped: false }],
    [reply, { seq: 1, valid: true, errored: true }],
    [reply, { version: 1, implementation: { name: 'x', kinds: [] } }],
    [reply, { version: 1, implementation: { kinds: ['did'] } }],
  ])('rejects a malformed message (%#)', (check, message) => {
    expect(check?.(message)).toBe(false);
  });
});

describe('schemas/harness-protocol-v2.schema.json', () => {
  it.each(EXAMPLES)(
    'accepts every message of a %s example harness transcript in v2',
    async (_name, spec) => {
      const { sent, received } = await transcript(spec, 2);
      expect(sent.map((l) => JSON.parse(l).cmd)).toEqual(['start', 'validateBatch', 'stop']);
      expect(JSON.parse(received[0] ?? '{}').version).toBe(2);
      expect(received).toHaveLength(2);
      expect(JSON.parse(received[1] ?? '{}').answers).toHaveLength(7);
      expect(invalidLines(sent, v2.request)).toEqual([]);
      expect(invalidLines(received, v2.reply)).toEqual([]);
      // A v1 reader refuses the batch messages.
      expect(invalidLines(sent.slice(1, 2), request)).toHaveLength(1);
      expect(invalidLines(received, reply)).toHaveLength(2);
    },
  );

  it.each([
    [v2.request, { cmd: 'validateBatch', batch: 1, requests: [] }],
    [v2.request, { cmd: 'validateBatch', batch: 1, requests: [{ seq: 1, kind: 'handle' }] }],
    [v2.request, { cmd: 'validateBatch', requests: [{ seq: 1, kind: 'did', value: 1 }] }],
    [v2.reply, { batch: 1, answers: [{ valid: true }] }],
    [v2.reply, { batch: 1, answers: [{ seq: 1, errored: true, extra: 1 }] }],
    [v2.reply, { batch: 1, answers: {} }],
    [v2.reply, { batch: 1, errored: false }],
    [v2.reply, { version: 3, implementation: { name: 'x', kinds: ['did'] } }],
    [v2.reply, { version: 2, maxBatch: 0, implementation: { name: 'x', kinds: ['did'] } }],
  ])('rejects a malformed message (%#)', (check, message) => {
    expect(check?.(message)).toBe(false);
  });

  it.each([
    [v2.request, { cmd: 'start', version: 2 }],
    [
      v2.reply,
      {
        batch: 3,
        answers: [
          { seq: 1, errored: true },
          { seq: 2, valid: true },
        ],
      },
    ],
    [v2.reply, { batch: 3, errored: true, message: 'out of memory' }],
    [v2.reply, { version: 2, maxBatch: 16, implementation: { name: 'x', kinds: ['did'] } }],
  ])('accepts a well-formed message (%#)', (check, message) => {
    expect(check?.(message)).toBe(true);
  });
});
