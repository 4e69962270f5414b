/** Requests are written in chunks of about this size, waiting for 'drain' when stdin is full. */
export const CHUNK_BYTES = 64 * 1024;

/*
 * Encodes request lines straight into UTF-8 buffers of about CHUNK_BYTES and writes each one when
 * it is full. Encoding line by line into a buffer costs a fraction of joining the lines into one
 * string first: a chunk holding a single non-ASCII character becomes a two-byte string that the
 * write then converts as a whole, and the joined string is garbage at once.
 */
export class ChunkWriter {
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** false once a write found stdin full: the caller should stop until 'drain'. */
  open = true;

  constructor(private readonly write: (chunk: Uint8Array) => boolean) {}

  /** Adds one line (without its newline). */
  add(line: string): void {
    this.part(line);
    this.end();
  }

  /** Adds a piece of a line: a line may span chunks. */
  part(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = 3 * text.length;
    if (this.used + most > this.chunk.length) {
      this.flush();
      if (most > this.chunk.length) this.chunk = Buffer.allocUnsafe(most + 1);
    }
    this.used += this.chunk.write(text, this.used);
  }

  /** Ends the line. */
  end(): void {
    if (this.used === this.chunk.length) this.flush();
    this.chunk[this.used++] = 0x0a;
  }

  /** Writes what is buffered; the buffer is handed to the stream, so the next chunk is new. */
  flush(): void {
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    if (!this.write(full)) this.open = false;
  }
}
