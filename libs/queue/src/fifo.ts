// Below this many consumed slots the array is not compacted: compacting a small array buys nothing.
const COMPACT_AFTER = 1024;

/** A first-in first-out queue with O(1) amortised push and shift (Array#shift copies the whole array). */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.size > 0 ? this.items[this.head] : undefined;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined as T; // let the job be collected
    this.head += 1;
    // Dropping the consumed front once it is more than half the array keeps the copying linear overall.
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
