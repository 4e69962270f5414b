import { DEFAULT_VECTOR_COUNT, exportVectors } from '../vectors/export.js';
import {
  type Command,
  EXIT,
  type Io,
  parseFlags,
  parseIntFlag,
  parseSeed,
  selectOrUsage,
  UsageError,
} from './common.js';
import { checkOutputDir } from './output-paths.js';

const OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  count: { type: 'string' },
  rules: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const HELP = `Usage: atproto-conformance export-vectors --out DIR [--seed N] [--count N] [--rules GLOB]

Writes generated edge cases as test vectors for validators in other languages, in the format of
bluesky-social/atproto-interop-tests:

  handle_syntax_valid.txt     handle_syntax_invalid.txt
  did_syntax_valid.txt        did_syntax_invalid.txt
                      one value per line; "#" lines are comments (an invalid value's comment
                      names the rules it breaks); never trim a line
  sessions.jsonl      strict JSON Lines, one {"kind","value","valid","violates","notes"} per
                      line: session and getSession objects, and handles/DIDs that do not fit
                      on one line
  vectors.json        the manifest: tool version, seed, count, and what each file holds

Options:
  --out DIR      folder to write (created if missing; the five files and vectors.json are replaced)
  --seed N       fast-check seed, 0 to 4294967295 (default 1): the same seed and count give
                 the same files
  --count N      generated cases per rule (default ${DEFAULT_VECTOR_COUNT}); duplicates are merged
  --rules GLOB   only rules whose ID matches the glob (* matches any run of characters)
  -q, --quiet    print nothing
  -h, --help     show this help
`;

export const command: Command = {
  name: 'export-vectors',
  summary: 'write generated edge cases as interop-style test vectors',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const { values } = parseFlags(argv, OPTIONS);
    if (values.out === undefined || values.out.length === 0) {
      throw new UsageError('--out DIR is required');
    }
    // The seed range of `run`: a 32-bit seed, never silently aliased.
    const seed = parseSeed(values.seed, () => 1);
    const count = parseIntFlag('count', values.count, 1) ?? DEFAULT_VECTOR_COUNT;
    const ruleIds = values.rules === undefined ? undefined : selectOrUsage(values.rules);
    checkOutputDir('--out', values.out);
    const counts = await exportVectors(values.out, {
      seed,
      count,
      ...(ruleIds === undefined ? {} : { ruleIds }),
    });
    if (values.quiet !== true) {
      for (const [file, n] of Object.entries(counts))
        io.stdout(`${String(n).padStart(6)}  ${file}\n`);
      io.stdout(`Vectors written to ${values.out} (seed ${seed}, count ${count})\n`);
    }
    return EXIT.ok;
  },
};
