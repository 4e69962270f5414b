/** Keeps the last `max` characters of a growing text (a program's stderr, runner notes). */
export class TextTail {
  private text = '';
  private dropped = false;

  constructor(private readonly max: number) {}

  append(text: string): void {
    this.text += text;
    // Trim only at twice the limit, so a chatty program does not cost a copy per chunk.
    if (this.text.length > 2 * this.max) {
      this.text = this.text.slice(-this.max);
      this.dropped = true;
    }
  }

  /** Appends a whole line, starting a new line first if the text does not end with one. */
  appendLine(line: string): void {
    const sep = this.text.length === 0 || this.text.endsWith('\n') ? '' : '\n';
    this.append(`${sep}${line}\n`);
  }

  /** The kept text without the dropped-output marker (its first line may be cut). */
  recent(): string {
    return this.text.slice(-this.max);
  }

  value(): string {
    if (!this.dropped && this.text.length <= this.max) return this.text;
    return `[earlier output dropped]\n${this.text.slice(-this.max)}`;
  }
}
