/*
 * Replay paths. fast-check records a shrink path as `17:0:0:0:…:1`, often hundreds of segments;
 * reports write runs of one segment as `v*n` (`17:0*212:1`), which stays exact. Both spellings
 * replay. Explicit examples are `example:<index>`, the index into the rule's whole example list
 * (not the part one target supports), so a path means the same case for every target.
 */

const EXAMPLE = /^example:(\d+)$/;
const SEGMENT = /^(\d+)(?:\*(\d+))?$/;

export function examplePath(index: number): string {
  return `example:${index}`;
}

/** The example index of an `example:<i>` path, or undefined for a fast-check path. */
export function exampleIndex(path: string): number | undefined {
  const match = EXAMPLE.exec(path);
  return match === null ? undefined : Number(match[1]);
}

/** Writes runs of a repeated segment as `v*n` (runs of 3 or more; shorter ones as they are). */
export function compactPath(path: string): string {
  const parts = path.split(':');
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let n = 1;
    while (parts[i + n] === parts[i]) n++;
    out.push(n >= 3 ? `${parts[i]}*${n}` : parts.slice(i, i + n).join(':'));
    i += n;
  }
  return out.join(':');
}

/** The fast-check path of a compact or plain path; undefined when it is not one. */
export function expandPath(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split(':')) {
    const match = SEGMENT.exec(part);
    if (match === null) return undefined;
    const count = match[2] === undefined ? 1 : Number(match[2]);
    if (count < 1 || count > 1_000_000) return undefined;
    for (let i = 0; i < count; i++) out.push(match[1] as string);
  }
  return out.join(':');
}
