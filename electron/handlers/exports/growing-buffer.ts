/**
 * Bytes gathered into one buffer that grows as they come, for a writer that hands over its output in
 * many small pieces. pdfkit writes a PDF a few bytes at a time, each piece a slice of Node's shared
 * 8 KB pool: keeping the pieces (to join them at the end) kept every slab they were cut from, and an
 * object for each, which at 20,000 bids came to more than the PDF itself several times over.
 */
export class GrowingBuffer {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + chunk.length));
      this.bytes.copy(larger, 0, 0, this.length);
      this.bytes = larger;
    }
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  get size(): number {
    return this.length;
  }

  /** The bytes so far, in a buffer of their own size. */
  contents(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}
