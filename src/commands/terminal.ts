import { escapeControls } from '../report/escape.js';
import type { Io } from './common.js';

/** Target texts on a terminal: control characters escaped, so none can restyle the screen. */
export const terminalText = (text: string): string => escapeControls(text);

/**
 * Whether to colour output on a stream: FORCE_COLOR (any value but `0`/`false`) forces it on,
 * as Node does; otherwise NO_COLOR (non-empty) turns it off; otherwise only on a terminal.
 */
export function colourOn(env: Io['env'], isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export type Paint = (style: 'red' | 'green' | 'bold' | 'dim', text: string) => string;

const SGR = { red: '31', green: '32', bold: '1', dim: '2' } as const;

export function painter(on: boolean): Paint {
  return on ? (style, text) => `\u001b[${SGR[style]}m${text}\u001b[0m` : (_style, text) => text;
}
