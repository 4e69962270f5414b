import { readResource } from './paths.js';

let cached: string | undefined;

export const TOOL_NAME = 'atproto-session-conformance';

export function toolVersion(): string {
  cached ??= (JSON.parse(readResource('package.json')) as { version: string }).version;
  return cached;
}
