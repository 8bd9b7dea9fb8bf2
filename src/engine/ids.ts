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

// Each getRandomValues call costs far more than its bytes: one draw serves many ids or tokens.
const ID_BYTES = 16;
const idPool = new Uint8Array(ID_BYTES * 256);
let idPoolUsed = idPool.length;

/** Where each of the 16 bytes' two hex digits go in `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`. */
const ID_DIGIT_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const idCodes = Array.from({ length: 36 }, (_, at) => ([8, 13, 18, 23].includes(at) ? DASH : 0));

/** A random version-4 UUID in lowercase, the format crypto.randomUUID answers. */
export function randomId(): string {
  if (idPoolUsed === idPool.length) {
    crypto.getRandomValues(idPool);
    idPoolUsed = 0;
  }
  for (let index = 0; index < ID_BYTES; index += 1) {
    let byte = idPool[idPoolUsed + index]!;
    // RFC 9562: the version nibble is 4, the variant bits are 10.
    if (index === 6) byte = (byte & 0x0f) | 0x40;
    else if (index === 8) byte = (byte & 0x3f) | 0x80;
    const at = ID_DIGIT_AT[index]!;
    idCodes[at] = HEX_CODES[byte >> 4]!;
    idCodes[at + 1] = HEX_CODES[byte & 0x0f]!;
  }
  idPoolUsed += ID_BYTES;
  return String.fromCharCode(...idCodes);
}

const TOKEN_BYTES = 24;
const tokenPool = new Uint8Array(TOKEN_BYTES * 256);
let tokenPoolUsed = tokenPool.length;
const tokenCodes = Array.from({ length: TOKEN_BYTES * 2 }, () => 0);

/** A customer's secret for managing their booking without an account: 24 random bytes in hex. */
export function randomToken(): string {
  if (tokenPoolUsed === tokenPool.length) {
    crypto.getRandomValues(tokenPool);
    tokenPoolUsed = 0;
  }
  for (let index = 0; index < TOKEN_BYTES; index += 1) {
    const byte = tokenPool[tokenPoolUsed + index]!;
    tokenCodes[index * 2] = HEX_CODES[byte >> 4]!;
    tokenCodes[index * 2 + 1] = HEX_CODES[byte & 0x0f]!;
  }
  const token = String.fromCharCode(...tokenCodes);
  // Zeroed once used, so a token's bytes stay nowhere but in its booking.
  tokenPool.fill(0, tokenPoolUsed, tokenPoolUsed + TOKEN_BYTES);
  tokenCodes.fill(0);
  tokenPoolUsed += TOKEN_BYTES;
  return token;
}
