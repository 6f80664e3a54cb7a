/**
 * XML written straight into bytes: tags, cell references and numbers are ASCII and go in without
 * making a string first; text goes in with TextEncoder.encodeInto. A sheet of 100,000 rows then
 * makes no garbage strings per cell (building them was most of the writer's allocation).
 */
const SIZE = 1 << 18;
const encoder = new TextEncoder();

export class ByteSink {
  private buf = new Uint8Array(SIZE);
  private pos = 0;
  /** How many times the buffer was handed on. */
  flushes = 0;

  constructor(private readonly out: (bytes: Uint8Array) => void) {}

  get position(): number {
    return this.pos;
  }

  /** Drops what was written after `position` (a row that turned out empty); only valid while `flushes` is unchanged. */
  rewind(position: number): void {
    if (position <= this.pos) this.pos = position;
  }

  /** Hands the bytes on; a fresh buffer follows, so the receiver may keep the old one. */
  flush(): void {
    if (this.pos === 0) return;
    this.out(this.buf.subarray(0, this.pos));
    this.flushes += 1;
    this.buf = new Uint8Array(SIZE);
    this.pos = 0;
  }

  private room(n: number): void {
    if (this.pos + n > SIZE) this.flush();
  }

  /** Text known to be ASCII (markup, references). */
  ascii(s: string): void {
    const n = s.length;
    if (n > SIZE) {
      this.text(s);
      return;
    }
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i += 1) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A number as XML writes it: integers digit by digit, others as JavaScript prints them. */
  num(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) {
      this.ascii(String(n));
      return;
    }
    this.room(16);
    if (n < 10) {
      this.buf[this.pos++] = 48 + n;
      return;
    }
    let digits = 0;
    for (let m = n; m > 0; m = Math.floor(m / 10)) digits += 1;
    let p = this.pos + digits;
    this.pos = p;
    for (let m = n; m > 0; m = Math.floor(m / 10)) this.buf[--p] = 48 + (m % 10);
  }

  /** Any text, UTF-8 encoded (already escaped for XML by the caller). */
  text(s: string): void {
    const most = s.length * 3;
    if (most > SIZE) {
      this.flush();
      this.out(encoder.encode(s));
      this.flushes += 1;
      return;
    }
    this.room(most);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
}
