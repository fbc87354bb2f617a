/**
 * Scratch memory for one composition (segmenting, measuring, breaking). A paragraph needs some
 * sixty flat arrays; allocating each as its own ArrayBuffer costs more than filling them for a
 * short paragraph, so the composer takes zeroed views of one reusable buffer instead, and
 * releases all of them at the start of the next paragraph. Nothing that outlives a call to
 * composeParagraph may keep one.
 */
export interface Alloc {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
  u16(n: number): Uint16Array;
  u8(n: number): Uint8Array;
}

/** Fresh arrays every time: for callers outside the composer (tests, tools). */
export const fresh: Alloc = {
  f64: (n) => new Float64Array(n),
  i32: (n) => new Int32Array(n),
  u16: (n) => new Uint16Array(n),
  u8: (n) => new Uint8Array(n),
};

/**
 * Memory for an arena, not zero-filled: every view is zeroed as it is handed out, so the memory
 * behind it is touched only when used. A zero-filled ArrayBuffer is written through at once, and
 * on a cold start memory costs most on its first touch (the arena doubles to fit the longest
 * paragraph, most of it never used by the others).
 */
const arenaBuffer = (bytes: number): ArrayBuffer => Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer;

export class Arena implements Alloc {
  private buf = arenaBuffer(1 << 18);
  private off = 0;

  /** Forget every view handed out so far (their memory is reused). */
  reset(): void {
    this.off = 0;
    // After a giant paragraph, do not hold its memory for good.
    if (this.buf.byteLength > 1 << 24) this.buf = arenaBuffer(1 << 18);
  }

  /** Reserve `bytes` (8-aligned) and return their offset in `this.buf`, which may be replaced. */
  private take(bytes: number): number {
    const at = (this.off + 7) & ~7;
    if (at + bytes > this.buf.byteLength) {
      // Views already handed out keep the old buffer alive; later paragraphs use the new one.
      this.buf = arenaBuffer(Math.max(this.buf.byteLength * 2, bytes * 2));
      this.off = bytes;
      return 0;
    }
    this.off = at + bytes;
    return at;
  }

  f64(n: number): Float64Array { const at = this.take(n * 8); const a = new Float64Array(this.buf, at, n); a.fill(0); return a; }
  i32(n: number): Int32Array { const at = this.take(n * 4); const a = new Int32Array(this.buf, at, n); a.fill(0); return a; }
  u16(n: number): Uint16Array { const at = this.take(n * 2); const a = new Uint16Array(this.buf, at, n); a.fill(0); return a; }
  u8(n: number): Uint8Array { const at = this.take(n); const a = new Uint8Array(this.buf, at, n); a.fill(0); return a; }
}

type Typed = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** A copy of `a` with room for `n` elements (n ≥ a.length), of the same element type. */
export function grown<T extends Typed>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
