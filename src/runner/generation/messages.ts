import type { RuleId } from '../../spec/rules/index.js';
import type { LabelledCase } from '../case.js';

export interface GenerateRequest {
  readonly id: number;
  readonly rule: RuleId;
  readonly seed: number;
  readonly runs: number;
}

export type Generated =
  | { readonly id: number; readonly cases: readonly LabelledCase[] }
  | { readonly id: number; readonly error: string };
