import { readResource } from '../../src/util/paths.js';

/** Interop vector files are read the reference way: never trim, skip `#` and empty lines. */
export function readInteropFile(name: string): string[] {
  return readResource('vendor', 'interop', name)
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#') && line.length > 0);
}
