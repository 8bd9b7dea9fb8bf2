/**
 * Random record ids and customer tokens, written as flat strings.
 *
 * Why not `crypto.randomUUID()` or `text += hex`: V8 keeps a concatenation as a tree of its
 * parts (a "cons string", 32 bytes a node) until something reads it whole, and Node's
 * randomUUID concatenates twenty pieces. An id lives as long as the store (in its maps, its
 * records and their outbox entries), so each one carried about 490 bytes of tree that every
 * garbage collection had to copy; a sign-up makes four ids and a token. `String.fromCharCode`
 * writes all the characters at once (66 bytes an id) from one pooled random draw.
 */

const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const DASH = '-'.charCodeAt(0);

/**
 * Random bytes drawn 256 uses at a time: each getRandomValues call costs far more than its
 * bytes, so one draw serves many ids or tokens. `take()` answers where the next `size` bytes
 * start in `bytes`, refilling it when all are used.
 */
class RandomPool {
  readonly bytes: Uint8Array;
  private used: number;

  constructor(private readonly size: number) {
    this.bytes = new Uint8Array(size * 256);
    this.used = this.bytes.length;
  }

  take(): number {
    if (this.used === this.bytes.length) {
      crypto.getRandomValues(this.bytes);
      this.used = 0;
    }
    const at = this.used;
    this.used += this.size;
    return at;
  }
}

const ID_BYTES = 16;
const idPool = new RandomPool(ID_BYTES);

/** Where each of the 16 bytes' two hex digits go in `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`. */
const ID_DIGIT_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const idCodes = Array.from({ length: 36 }, (_, at) => ([8, 13, 18, 23].includes(at) ? DASH : 0));

/** A random version-4 UUID in lowercase, the format crypto.randomUUID answers. */
export function randomId(): string {
  const from = idPool.take();
  for (let index = 0; index < ID_BYTES; index += 1) {
    let byte = idPool.bytes[from + index]!;
    // RFC 9562: the version nibble is 4, the variant bits are 10.
    if (index === 6) byte = (byte & 0x0f) | 0x40;
    else if (index === 8) byte = (byte & 0x3f) | 0x80;
    const at = ID_DIGIT_AT[index]!;
    idCodes[at] = HEX_CODES[byte >> 4]!;
    idCodes[at + 1] = HEX_CODES[byte & 0x0f]!;
  }
  return String.fromCharCode(...idCodes);
}

const TOKEN_BYTES = 24;
const tokenPool = new RandomPool(TOKEN_BYTES);
const tokenCodes = Array.from({ length: TOKEN_BYTES * 2 }, () => 0);

/** A customer's secret for managing their booking without an account: 24 random bytes in hex. */
export function randomToken(): string {
  const from = tokenPool.take();
  for (let index = 0; index < TOKEN_BYTES; index += 1) {
    const byte = tokenPool.bytes[from + index]!;
    tokenCodes[index * 2] = HEX_CODES[byte >> 4]!;
    tokenCodes[index * 2 + 1] = HEX_CODES[byte & 0x0f]!;
  }
  const token = String.fromCharCode(...tokenCodes);
  // Zeroed once used, so a token's bytes stay nowhere but in its booking.
  tokenPool.bytes.fill(0, from, from + TOKEN_BYTES);
  tokenCodes.fill(0);
  return token;
}
