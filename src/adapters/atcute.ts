// @atcute/lexicons with the generated com.atproto schemas of @atcute/atproto: the output schemas
// of createSession (refreshSession has the same) and getSession, and the syntax validators.
import { ComAtprotoServerCreateSession, ComAtprotoServerGetSession } from '@atcute/atproto';
import { safeParse } from '@atcute/lexicons';
import { isDid, isHandle } from '@atcute/lexicons/syntax';
import type { Issue } from '@atcute/lexicons/validations';
import type { ValidateResult, Validator } from '../contract/validator.js';
import { libraryVersion } from './library-version.js';

const OUTPUT = {
  session: ComAtprotoServerCreateSession.mainSchema.output.schema,
  getSession: ComAtprotoServerGetSession.mainSchema.output.schema,
} as const;

/** `<path> <code> (expected <what>)`, one line per issue. */
function describe(issue: Issue): string {
  const expected = 'expected' in issue ? ` (expected ${String(issue.expected)})` : '';
  return `/${issue.path.join('/')} ${issue.code}${expected}`;
}

function syntax(valid: boolean, what: string): ValidateResult {
  return valid ? { valid } : { valid, errors: [`not a valid ${what}`] };
}

export function create(): Validator {
  return {
    name: `@atcute/lexicons (schemas of @atcute/atproto ${libraryVersion('@atcute/atproto')})`,
    version: libraryVersion('@atcute/lexicons'),
    kinds: ['handle', 'did', 'session', 'getSession'],
    validate(kind, value) {
      if (kind === 'handle') return syntax(isHandle(value), 'handle');
      if (kind === 'did') return syntax(isDid(value), 'DID');
      const result = safeParse(OUTPUT[kind], value);
      return result.ok ? { valid: true } : { valid: false, errors: result.issues.map(describe) };
    },
  };
}
