/*
 * The validator under test: the handle check of some application. Any function of this shape
 * works; the property tests next to it feed it generated handles.
 */
const LABEL = '[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const HANDLE = new RegExp(`^(${LABEL}\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`);

export function isHandle(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 253 && HANDLE.test(value);
}
