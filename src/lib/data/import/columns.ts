/** Growable typed columns and packed strings (a million rows without a million small objects). */
export class F64 {
  a = new Float64Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Float64Array {
    return this.a.slice(0, this.n);
  }
}
export class I32 {
  a = new Int32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

/** Strings as one UTF-8 buffer and n + 1 offsets. */
export class Packed {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private at = new I32();
  private enc = new TextEncoder();
  constructor() {
    this.at.push(0);
  }
  push(s: string) {
    const need = this.len + s.length * 3;
    if (need > this.buf.length) {
      const b = new Uint8Array(Math.max(need, this.buf.length * 2));
      b.set(this.buf.subarray(0, this.len));
      this.buf = b;
    }
    this.len += this.enc.encodeInto(s, this.buf.subarray(this.len)).written;
    this.at.push(this.len);
  }
  done(): { bytes: Uint8Array; at: Uint32Array } {
    return { bytes: this.buf.slice(0, this.len), at: new Uint32Array(this.at.done().buffer) };
  }
}

const dec = new TextDecoder();
export function unpack(bytes: Uint8Array, at: Uint32Array, i: number): string {
  return dec.decode(bytes.subarray(at[i], at[i + 1]));
}
