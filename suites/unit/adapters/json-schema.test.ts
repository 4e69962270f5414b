import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { getRule } from '../../../src/spec/rules/index.js';
import { readResource } from '../../../src/util/paths.js';
import { build, describeAdapter, normalize } from './_agreement.js';

// Ours to make correct: no deviation allowed.
describeAdapter({
  id: 'json-schema',
  versionOf: 'ajv',
});

interface SchemaDoc {
  $schema: string;
  $id: string;
  required: string[];
  properties: Record<string, unknown>;
  additionalProperties?: unknown;
  $defs: Record<string, { pattern?: string; maxLength?: number }>;
}

interface LexiconDoc {
  defs: { main: { output: { schema: { required: string[]; properties: object } } } };
}

const session = JSON.parse(readResource('schemas', 'session.schema.json')) as SchemaDoc;
const getSession = JSON.parse(readResource('schemas', 'get-session.schema.json')) as SchemaDoc;

function lexiconOutput(id: string): { required: string[]; properties: object } {
  const doc = JSON.parse(readResource('vendor', 'lexicons', `${id}.json`)) as LexiconDoc;
  return doc.defs.main.output.schema;
}

/** The reference regex quoted in a rule's source, as a JSON Schema pattern. */
function quotedRegex(ruleId: 'handle.accept.syntax' | 'did.accept.syntax'): string {
  const { source } = getRule(ruleId);
  const match = source.quote?.match(/\/(\^.*\$)\//);
  if (match?.[1] === undefined) throw new Error(`no regex quoted in ${ruleId}`);
  return match[1];
}

describe('the shipped JSON Schema files', () => {
  it('are draft 2020-12 with ids under a reserved .invalid host', () => {
    for (const [doc, file] of [
      [session, 'session.schema.json'],
      [getSession, 'get-session.schema.json'],
    ] as const) {
      expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(doc.$id).toBe(`https://atproto-session-conformance.invalid/schemas/${file}`);
    }
  });

  it('declare the lexicon fields and required lists, and leave other fields open', () => {
    const create = lexiconOutput('com.atproto.server.createSession');
    const get = lexiconOutput('com.atproto.server.getSession');
    expect(Object.keys(session.properties).sort()).toEqual(Object.keys(create.properties).sort());
    expect(session.required).toEqual(create.required);
    expect(Object.keys(getSession.properties).sort()).toEqual(Object.keys(get.properties).sort());
    expect(getSession.required).toEqual(get.required);
    expect(session.additionalProperties).toBeUndefined();
    expect(getSession.additionalProperties).toBeUndefined();
  });

  it('share the same $defs, so each file stands alone', () => {
    expect(getSession.$defs).toEqual(session.$defs);
  });

  it('use the spec reference regexes and length limits', () => {
    expect(session.$defs.handle).toMatchObject({
      pattern: quotedRegex('handle.accept.syntax'),
      maxLength: 253,
    });
    expect(session.$defs.did).toMatchObject({
      pattern: quotedRegex('did.accept.syntax'),
      maxLength: 2048,
    });
  });

  it('compile in ajv strict mode without a warning', () => {
    const warnings: unknown[] = [];
    const logger = { log: () => {}, warn: (...a: unknown[]) => warnings.push(a), error: () => {} };
    const ajv = new Ajv2020({ strict: true, logger });
    addFormats.default(ajv);
    ajv.addSchema(session).addSchema(getSession);
    for (const id of [session.$id, getSession.$id, `${session.$id}#/$defs/handle`]) {
      expect(ajv.getSchema(id)).toBeDefined();
    }
    expect(warnings).toEqual([]);
  });
});

describe('json-schema error messages', () => {
  it('point at the float inside didDoc', async () => {
    const v = await build('json-schema');
    const value = { handle: 'a.test', did: 'did:a:b', didDoc: { s: [{ w: 0.5 }] } };
    const { valid, errors } = normalize(await v.validate('getSession', value));
    expect(valid).toBe(false);
    expect(errors).toContain('/didDoc/s/0/w must be integer');
  });
});
