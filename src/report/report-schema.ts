import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { readResource } from '../util/paths.js';
import type { Report } from './model.js';

/** The shipped JSON Schema of report.json, compiled once, on first use. */
let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: false }).compile(
    JSON.parse(readResource('schemas', 'report.schema.json')) as object,
  );
  return compiled;
}

/**
 * Why `data` is not a report.json of this tool (`/targets/0/results must be array`), or
 * undefined when it is one.
 */
export function reportProblem(data: unknown): string | undefined {
  if (hasCommaKinds(data)) {
    return 'it is in the older report format (results with a comma-joined `kind`, not a `kinds` list): make it again with this version';
  }
  const validate = validator();
  if (validate(data)) return undefined;
  const e = validate.errors?.[0];
  if (e === undefined) return 'does not match the report schema';
  const where = e.instancePath === '' ? 'the report' : e.instancePath;
  const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  const detail =
    allowed !== undefined
      ? ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})`
      : extra !== undefined
        ? ` (${JSON.stringify(extra)})`
        : '';
  return `${where} ${e.message ?? e.keyword}${detail}`;
}

/** Reports written before `kinds` (a list of kinds) replaced `kind` (one comma-joined string). */
function hasCommaKinds(data: unknown): boolean {
  const targets = (data as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(targets)) return false;
  return targets.some((t: { results?: unknown } | null) => {
    const results = t?.results;
    if (!Array.isArray(results)) return false;
    return results.some(
      (r: { kind?: unknown; kinds?: unknown } | null) =>
        typeof r?.kind === 'string' && r.kinds === undefined,
    );
  });
}

export function isReport(data: unknown): data is Report {
  return reportProblem(data) === undefined;
}
