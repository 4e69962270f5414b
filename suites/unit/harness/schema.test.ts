import { PassThrough } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createCmdTarget } from '../../../src/targets/cmd.js';
import { fromValidator } from '../../../src/targets/from-validator.js';
import { loadValidatorModule } from '../../../src/targets/module.js';
import { serve } from '../../../src/targets/serve.js';
import { readResource, resourcePath } from '../../../src/util/paths.js';

const schema = JSON.parse(readResource('schemas', 'harness-protocol-v1.schema.json'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(schema);
const ID = schema.$id as string;
const request = ajv.getSchema(`${ID}#/$defs/request`);
const reply = ajv.getSchema(`${ID}#/$defs/reply`);

function invalidLines(lines: string[], check: typeof request): string[] {
  if (check === undefined) throw new Error('schema part missing');
  return lines.filter((line) => !check(JSON.parse(line)));
}

/** A real transcript: the runner's lines and the harness's lines, through the cmd: target. */
async function transcript(spec: string) {
  const sent: string[] = [];
  const received: string[] = [];
  const commandLine = spec.slice('cmd:'.length);
  const target = await createCmdTarget(spec, commandLine, {
    timeoutMs: 5_000,
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

describe('schemas/harness-protocol-v1.schema.json', () => {
  it.each([
    ['python', `cmd:python3 '${resourcePath('examples', 'harnesses', 'python', 'harness.py')}'`],
    [
      'node',
      `cmd:'${process.execPath}' '${resourcePath('examples', 'harnesses', 'node', 'harness.mjs')}'`,
    ],
  ])('accepts every message of a %s example harness transcript', async (_name, spec) => {
    const { sent, received } = await transcript(spec);
    expect(sent.map((l) => JSON.parse(l).cmd)).toEqual([
      'start',
      ...Array(7).fill('validate'),
      'stop',
    ]);
    expect(received).toHaveLength(8);
    expect(invalidLines(sent, request)).toEqual([]);
    expect(invalidLines(received, reply)).toEqual([]);
  });

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
