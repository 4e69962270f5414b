import {
  isConformant,
  type Report,
  type RuleInfo,
  type RuleResult,
  type Status,
  summarize,
  type TargetReport,
} from '../../../src/report/model.js';
import { getRule, type Kind, type RuleId } from '../../../src/spec/rules/index.js';
import { ruleId } from '../../_helpers/rule-id.js';

/**
 * A hand-built report for the renderer tests: four targets, every status, a baseline mark, a
 * live exchange, a start error, and counterexamples meant to break naive escaping.
 */

/** Would set `window.__injected` and open an alert if any renderer let it run. */
export const SCRIPT_ATTACK = '</script><script>window.__injected=1;alert(1)</script>';

/** NUL, other C0 controls, DEL, a lone surrogate, U+FFFE, `<!--`, `]]>` and emoji. */
export const CONTROL_VALUE = `a\u0000b\u0001\u0007\u000b\u001f\u007f\ud800 <!-- ]]> \ufffe 🦋👩‍💻 ${SCRIPT_ATTACK}`;

export const LONG_VALUE = `${'a'.repeat(2990)}.bsky.socia`;

export const NESTED_VALUE = {
  accessJwt: 'eyJ0eXAiOiJhdCtqd3QifQ.e30.sig',
  refreshJwt: 'it\'s a "quoted" token & more',
  handle: 'alice.test',
  did: 'did:plc:abcdefghijklmnopqrstuvwx',
  didDoc: { id: 'did:plc:x', '</script>': ['<!--', { deep: [1, 2.5, null, true] }] },
  note: 'fence ``` inside | pipe',
};

/** An HTTP rule's info, rewritten with characters every renderer must escape. */
const HTTP_RULE: RuleInfo = {
  level: 'MUST',
  area: 'http',
  summary: 'createSession answers 200 with `application/json` & a <session> body.',
  source: {
    kind: 'spec',
    url: 'https://atproto.com/specs/xrpc',
    quote: 'Successful responses use "200" & a JSON body <with quotes>.',
  },
};

const CATALOGUE_RULES: readonly RuleId[] = [
  'handle.length.max',
  'handle.chars.no-whitespace-control',
  'handle.accept.syntax',
  'did.prefix',
  'did.accept.syntax',
  'session.field.handle.format',
  'session.accept.valid',
  'did.web.hostname-only',
  'coherence.token.sub-is-did',
  'coherence.status.inactive',
];

export const RULES: Readonly<Record<string, RuleInfo>> = {
  ...Object.fromEntries(
    CATALOGUE_RULES.map((id) => {
      const { level, area, summary, source } = getRule(id);
      return [id, { level, area, summary, source }];
    }),
  ),
  'http.create-session.status-code-conformance': HTTP_RULE,
};

const LIVE_RULES: readonly string[] = [
  'coherence.token.sub-is-did',
  'coherence.status.inactive',
  'http.create-session.status-code-conformance',
];

function rule(id: string): RuleInfo {
  const info = RULES[id];
  if (info === undefined) throw new Error(`sample rule missing: ${id}`);
  return info;
}

function result(id: string, status: Status, extra: Partial<RuleResult> = {}): RuleResult {
  const info = rule(id);
  const kinds: readonly Kind[] = LIVE_RULES.includes(id)
    ? ['live']
    : getRule(ruleId(id)).kinds.filter((k) => k !== 'live');
  return {
    rule: ruleId(id),
    level: info.level,
    area: info.area,
    kinds,
    status,
    runs: status === 'skip' ? 0 : 100,
    ...extra,
  };
}

function target(info: TargetReport['target'], results: RuleResult[], extra = {}): TargetReport {
  return {
    target: info,
    conformant: isConformant(results),
    summary: summarize(results),
    results,
    ...extra,
  };
}

const VALIDATOR_RULES = Object.keys(RULES).filter((id) => !LIVE_RULES.includes(id));

/** The id of the target whose results hold the nasty values: a quote, `$`, backticks, a space. */
export const NASTY_ID = `module:./it's "my" $HOME \`validator\`.mjs`;

export const LIVE_ID = 'live:https://pds.example.test';

export const CURL =
  'curl -sS -X POST \'https://pds.example.test/xrpc/com.atproto.server.createSession\' -H \'content-type: application/json\' --data \'{"identifier":"alice.test","password":"\'"$PASSWORD"\'"}\'';

function nastyResults(): RuleResult[] {
  return [
    result('handle.length.max', 'fail', {
      counterexample: {
        kind: 'handle',
        value: LONG_VALUE,
        expected: false,
        actual: true,
        violates: ['handle.length.max'],
      },
      replay: { seed: -1_937_251_093, path: "12:0:3'1" },
      casesToFailure: 12,
    }),
    result('handle.chars.no-whitespace-control', 'fail', {
      counterexample: {
        kind: 'handle',
        value: CONTROL_VALUE,
        expected: false,
        actual: true,
        violates: ['handle.chars.no-whitespace-control', 'handle.chars.allowed'],
      },
      replay: { seed: 42, path: '0:1' },
      casesToFailure: 1,
    }),
    result('handle.accept.syntax', 'fail', {
      baseline: 'known-failure',
      counterexample: {
        kind: 'handle',
        value: 'xn--ls8h.test',
        expected: true,
        actual: false,
        errors: ['handle must not start with "xn--" | <b>bold</b>\nsecond line \u0007'],
      },
      replay: { seed: 42, path: '5' },
    }),
    result('did.prefix', 'error', {
      message: `validator threw: TypeError: cannot read "x" of undefined ]]> \u0000 ${SCRIPT_ATTACK}`,
      counterexample: { kind: 'did', value: 'did:PLC:x', expected: false, actual: null },
      replay: { seed: 42, path: '7:2' },
    }),
    result('did.accept.syntax', 'pass'),
    result('session.field.handle.format', 'fail', {
      counterexample: {
        kind: 'session',
        value: { z: 1, ...NESTED_VALUE, a: 2 },
        expected: false,
        actual: true,
      },
      replay: { seed: 42, path: '3:0:0' },
    }),
    result('session.accept.valid', 'skip', {
      message: 'kind session | not supported\nby this target',
    }),
    result('did.web.hostname-only', 'pass'),
    ...LIVE_RULES.map((id) => result(id, 'skip', { message: 'live rules need --live' })),
  ];
}

function liveResults(): RuleResult[] {
  return [
    result('coherence.token.sub-is-did', 'fail', {
      counterexample: {
        kind: 'live',
        value: { identifier: 'alice.test', password: '$PASSWORD' },
        expected: true,
        actual: false,
      },
      message: 'the access token sub is did:plc:other, the session did is did:plc:alice',
      exchange: {
        request: {
          method: 'POST',
          url: 'https://pds.example.test/xrpc/com.atproto.server.createSession',
          body: { identifier: 'alice.test', password: '$PASSWORD' },
        },
        response: {
          status: 200,
          contentType: 'application/json',
          body: { did: 'did:plc:alice', handle: 'alice.test', accessJwt: '[redacted]' },
        },
        curl: CURL,
      },
    }),
    result('coherence.status.inactive', 'pass', { runs: 1 }),
    result('http.create-session.status-code-conformance', 'pass', { runs: 1 }),
  ];
}

export function sampleReport(): Report {
  return {
    tool: { name: 'atproto-session-conformance', version: '0.1.0' },
    profile: 'atproto',
    seed: 42,
    runs: 100,
    startedAt: '2026-01-02T03:04:05.000Z',
    finishedAt: '2026-01-02T03:04:09.500Z',
    rules: RULES,
    targets: [
      target(
        { id: 'reference', name: 'reference oracle', version: '0.1.0', language: 'TypeScript' },
        [
          ...VALIDATOR_RULES.map((id) => result(id, 'pass', { examples: 3 })),
          ...LIVE_RULES.map((id) => result(id, 'skip', { message: 'live rules need --live' })),
        ],
        { durationMs: 1234 },
      ),
      target(
        { id: NASTY_ID, name: 'my | validator\nv2 <b>', version: '1.2.3', language: 'JavaScript' },
        nastyResults(),
        { stderr: `warning: \u0000 odd output ${SCRIPT_ATTACK}`, durationMs: 2500 },
      ),
      target({ id: LIVE_ID, name: 'PDS 🦋', version: '0.4.217' }, liveResults()),
      target(
        { id: 'cmd:./crash.sh', name: 'crash.sh' },
        VALIDATOR_RULES.map((id) => result(id, 'error', { message: 'spawn ./crash.sh ENOENT' })),
        { startError: 'spawn ./crash.sh ENOENT' },
      ),
    ],
  };
}

/** Every result of the sample with its target, for tests that check one thing per result. */
export function allResults(report: Report): { target: TargetReport; result: RuleResult }[] {
  return report.targets.flatMap((t) => t.results.map((r) => ({ target: t, result: r })));
}
