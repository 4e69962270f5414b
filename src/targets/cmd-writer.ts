/** Requests are written in chunks of about this size, waiting for 'drain' when stdin is full. */
export const CHUNK_BYTES = 64 * 1024;
/** Chunks are cut from slabs of this size: a lockstep request does not cost a whole chunk. */
const SLAB_BYTES = 4 * CHUNK_BYTES;

/*
 * Encodes request lines straight into UTF-8 and writes them in chunks of about CHUNK_BYTES.
 * Encoding line by line into a buffer costs a fraction of joining the lines into one string
 * first: a chunk holding a single non-ASCII character becomes a two-byte string that the write
 * then converts as a whole, and the joined string is garbage at once. A chunk written is a view
 * of a slab that is never written again, so the stream may keep it as long as it needs.
 */
export class ChunkWriter {
  private slab: Buffer = Buffer.allocUnsafe(SLAB_BYTES);
  /** Where the chunk not written yet starts, and ends. */
  private start = 0;
  private used = 0;
  private write: (chunk: Uint8Array) => boolean = () => true;
  /** false once a write found stdin full: the caller should stop until 'drain'. */
  open = true;

  /** Starts a round of writes to `write`. */
  begin(write: (chunk: Uint8Array) => boolean): void {
    this.write = write;
    this.open = true;
  }

  /** Adds one line (without its newline). */
  add(line: string): void {
    this.part(line);
    this.end();
  }

  /** Adds a piece of a line: a line may span chunks. */
  part(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = 3 * text.length;
    if (this.used + most > this.slab.length) {
      this.flush();
      this.slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, most + 1));
      this.start = 0;
      this.used = 0;
    }
    this.used += this.slab.write(text, this.used);
    if (this.used - this.start >= CHUNK_BYTES) this.flush();
  }

  /** Ends the line. */
  end(): void {
    if (this.used === this.slab.length) this.part('\n');
    else this.slab[this.used++] = 0x0a;
  }

  /** Writes what is buffered. */
  flush(): void {
    if (this.used === this.start) return;
    const chunk = this.slab.subarray(this.start, this.used);
    this.start = this.used;
    if (!this.write(chunk)) this.open = false;
  }
}
