import { commonHeaders } from './client.js';
import type { PlannedRequest, PlanOptions } from './plan.js';
import type { Redactor } from './redact.js';

/* The `--dry-run` text: the requests in order, then those left out and why. */

const SHOWN_BODY_CHARS = 160;

function describe(req: PlannedRequest, redactor: Redactor, label: string): string[] {
  const paid = req.budget === undefined ? '' : `  [${req.budget}]`;
  const lines = [`${label} ${req.method} ${req.url}  # ${req.note}${paid}`];
  for (const [name, value] of Object.entries(req.headers)) {
    lines.push(`       ${name}: ${redactor.text(value)}`);
  }
  if (req.body !== undefined) {
    const body = redactor.text(req.body);
    const shown =
      body.length > SHOWN_BODY_CHARS
        ? `${printable(body.slice(0, SHOWN_BODY_CHARS))}… (${body.length} chars)`
        : printable(body);
    lines.push(`       body: ${shown === '' ? '(empty)' : shown}`);
  }
  return lines;
}

export function formatPlan(
  plan: readonly PlannedRequest[],
  redactor: Redactor,
  opts: PlanOptions,
): string {
  const lines = [
    `Dry run: nothing is sent. A run against ${opts.url} would make these requests`,
    `(seed ${opts.seed}; budgets: ${opts.budget} createSession, ${opts.negativeBudget} invalid-request).`,
    `Every request also carries ${Object.entries(commonHeaders())
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}.`,
    '',
  ];
  const sent = plan.filter((r) => r.leftOut === undefined);
  sent.forEach((req, i) => {
    lines.push(...describe(req, redactor, `${String(i + 1).padStart(3)}.`));
  });
  const left = plan.filter((r) => r.leftOut !== undefined);
  lines.push('', `${sent.length} requests. Secrets are shown as $VARIABLES.`);
  if (left.length > 0) {
    lines.push('', `Left out (${left.length}):`);
    for (const req of left) {
      lines.push(...describe(req, redactor, '  -'), `       not sent: ${req.leftOut}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** Control characters and lone surrogates as escapes, so the plan stays one line per body. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
  return text.replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/gu, (ch) =>
    ch.length === 1 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch,
  );
}
