import { globMatcher } from '../runner/select.js';
import { RULES, type Rule } from '../spec/rules/index.js';
import { type Command, type Io, parseFlags, UsageError } from './common.js';

const OPTIONS = {
  json: { type: 'boolean' },
  kind: { type: 'string' },
  rules: { type: 'string' },
} as const;

export const command: Command = {
  name: 'rules',
  summary: 'print the rule catalogue',
  help: `Usage: atproto-conformance rules [--json] [--kind KIND] [--rules GLOB]

Prints the rule catalogue: ID, level (MUST/SHOULD), polarity (reject: values breaking it must be
rejected; accept: values of this class must be accepted), kinds and summary.

Options:
  --json         print the catalogue as JSON, with each rule's source (spec URL and quote, or lexicon path)
  --kind KIND    only rules for one kind: handle, did, session, getSession, live
  --rules GLOB   only rules whose ID matches the glob (* matches any run of characters)
  -h, --help     show this help
`,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const { values } = parseFlags(argv, OPTIONS);
    let rules: readonly Rule[] = RULES;
    if (values.kind !== undefined) {
      const kind = values.kind;
      const known = ['handle', 'did', 'session', 'getSession', 'live'];
      if (!known.includes(kind)) throw new UsageError(`--kind must be one of ${known.join(', ')}`);
      rules = rules.filter((r) => (r.kinds as readonly string[]).includes(kind));
    }
    if (values.rules !== undefined) {
      const match = globMatcher(values.rules);
      rules = rules.filter((r) => match(r.id));
      if (rules.length === 0) throw new UsageError(`no rule matches --rules ${values.rules}`);
    }
    if (values.json === true) {
      io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) {
      const tag = `${r.level.padEnd(6)} ${r.polarity.padEnd(6)}`;
      io.stdout(`${r.id.padEnd(width)}  ${tag}  [${r.kinds.join(',')}]  ${r.summary}\n`);
    }
    io.stdout(`\n${rules.length} rules\n`);
    return 0;
  },
};
