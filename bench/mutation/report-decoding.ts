import { type MutantSummary, spread } from './summary.js';

const show = (s: { median?: number; max?: number }): string =>
  s.median === undefined ? '–' : `${s.median} | ${s.max}`;

/**
 * The decoding-technique mutants as their own table: per technique, the mutants caught and the
 * median and maximum cases to detection over every mutant and seed at default settings.
 */
export function decodingSection(mutants: readonly MutantSummary[]): string[] {
  const of = mutants.filter((m) => m.technique !== undefined);
  if (of.length === 0) return [];
  const techniques = [...new Set(of.map((m) => m.technique as string))];
  const cases = (ms: readonly MutantSummary[]) =>
    spread(ms.flatMap((m) => m.casesToDetection.perSeed.filter((n): n is number => n !== null)));
  const lines = [
    '## Decoding techniques',
    '',
    'Seeded bugs that copy how real decoders read JSON (case-insensitive or aliased keys, positional structs, object internals, zero values, lone surrogates, number precision, nesting limits, compound types). Cases to detection at default settings, over every mutant and seed.',
    '',
    '| Technique | Mutants (lax / strict) | Caught | Cases: median | Cases: max |',
    '|---|---|---:|---:|---:|',
  ];
  for (const t of techniques) {
    const ms = of.filter((m) => m.technique === t);
    const lax = ms.filter((m) => m.kind === 'lax').length;
    lines.push(
      `| ${t} | ${ms.map((m) => `\`${m.id}\``).join(', ')} (${lax} / ${ms.length - lax}) | ${ms.filter((m) => m.caught).length}/${ms.length} | ${show(cases(ms))} |`,
    );
  }
  const caught = of.filter((m) => m.caught).length;
  lines.push(`| **all** | ${of.length} | **${caught}/${of.length}** | ${show(cases(of))} |`);
  return lines;
}
