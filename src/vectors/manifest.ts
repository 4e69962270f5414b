import { TOOL_NAME, toolVersion } from '../util/version.js';
import {
  HOW_TO_READ,
  TEXT_RULES,
  VECTOR_FILES,
  type VectorCounts,
  type VectorFileName,
} from './format.js';

/** A setting that produced a vector folder: a seed, a count, a list of rule IDs. */
export type VectorSetting = string | number | readonly string[];

/** What produced a vector folder. */
export interface VectorSource {
  /** Prose, one line each: the `#` block atop each text file and `about` in the manifest. */
  readonly header: readonly string[];
  /** The settings (seed, count, ...) that produce the same files again. */
  readonly settings: Readonly<Record<string, VectorSetting>>;
}

/**
 * The manifest (vectors.json) beside the vector files. The JSON Lines file has no room for a
 * header, so what produced the folder and how to read each file is said here, for people and
 * programs alike.
 */
export interface VectorManifest {
  readonly tool: string;
  readonly version: string;
  readonly about: readonly string[];
  readonly settings: Readonly<Record<string, VectorSetting>>;
  /** Per file: how many values it holds and how to read it. */
  readonly files: Readonly<
    Record<VectorFileName, { readonly values: number; readonly holds: string }>
  >;
  /** The format rules of the four text files. */
  readonly textFormat: readonly string[];
}

export function vectorManifest(source: VectorSource, counts: VectorCounts): VectorManifest {
  const files = Object.fromEntries(
    Object.values(VECTOR_FILES).map((f) => [f, { values: counts[f], holds: HOW_TO_READ[f] }]),
  ) as VectorManifest['files'];
  return {
    tool: TOOL_NAME,
    version: toolVersion(),
    about: source.header,
    settings: source.settings,
    files,
    textFormat: TEXT_RULES,
  };
}
