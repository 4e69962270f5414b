import { StringDecoder } from 'node:string_decoder';

/** Longest line read (64 MiB): a program that never ends its line must not exhaust memory. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * Splits a byte stream into UTF-8 lines. A `\r` before the `\n` is dropped, so harnesses that
 * write CRLF still work. `onOverflow` is called (and the partial line dropped) when a line grows
 * past `maxChars` without a newline.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: () => void = () => {},
    private readonly maxChars: number = MAX_LINE_CHARS,
  ) {}

  push(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      const piece = text.slice(start, newline);
      const line = this.partial.length > 0 ? this.partial + piece : piece;
      this.partial = '';
      this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    this.partial += text.slice(start);
    if (this.partial.length > this.maxChars) {
      this.partial = '';
      this.onOverflow();
    }
  }

  /** The last line, when the stream ended without a final newline. */
  end(): void {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    if (rest.length > 0) this.onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  }
}
