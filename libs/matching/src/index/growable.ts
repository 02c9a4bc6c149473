/** Append-only typed arrays: index building holds millions of postings without boxed numbers. */
export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Uint32Array(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** A trimmed copy; the builder is dropped afterwards. */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
