import type { RuleId } from '../spec/rules/index.js';
import { validatorRules } from './run.js';

/** Comma-separated globs (or a list of them); `*` matches any run of characters. */
export function globMatcher(globs: string | readonly string[]): (id: string) => boolean {
  const list = typeof globs === 'string' ? globs.split(',') : globs;
  const res = list
    .map((g) => g.trim())
    .filter((g) => g.length > 0)
    .map((g) => new RegExp(`^${g.split('*').map(escapeRegExp).join('.*')}$`));
  return (id) => res.some((re) => re.test(id));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The validator rule IDs matching the globs, in catalogue order; every validator rule when no
 * glob is given. Throws a RangeError when nothing matches.
 */
export function selectValidatorRules(globs?: string | readonly string[]): RuleId[] {
  const all = validatorRules().map((r) => r.id);
  if (globs === undefined) return all;
  const match = globMatcher(globs);
  const chosen = all.filter(match);
  if (chosen.length === 0) {
    const text = typeof globs === 'string' ? globs : globs.join(',');
    throw new RangeError(`no validator rule matches ${text}`);
  }
  return chosen;
}
