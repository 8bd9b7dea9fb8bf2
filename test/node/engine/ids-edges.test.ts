import { test } from 'node:test';
import assert from 'node:assert/strict';

/**
 * Ids and tokens from known random bytes (src/engine/ids.ts, planted by hand, issue #17).
 * ids.test.ts checks their format over many real draws; a byte read twice, a digit from the
 * wrong half of a byte, a pool drawn for every id or a token left in the pool still passed it.
 * Here `crypto.getRandomValues` hands out a known sequence, so every digit is known, and a fresh
 * copy of the module (its pools are module state) starts from an empty pool.
 */

/** Byte `n` of draw `draw`: a multiplicative hash, no two ids or tokens alike. */
const byteAt = (n: number, draw = 0) => Math.imul(n + 1 + 7919 * draw, 0x9e3779b1) >>> 24;

type Ids = typeof import('../../../src/engine/ids.ts');
let copies = 0;

/** A fresh ids.ts whose every draw fills with `byteAt`. */
async function withKnownBytes(work: (ids: Ids, draws: Uint8Array[]) => void) {
  const draws: Uint8Array[] = [];
  const own = Object.getOwnPropertyDescriptor(crypto, 'getRandomValues');
  crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = array as unknown as Uint8Array;
    for (let n = 0; n < bytes.length; n += 1) bytes[n] = byteAt(n, draws.length);
    draws.push(bytes);
    return array;
  }) as typeof crypto.getRandomValues;
  try {
    copies += 1;
    const ids = (await import(`../../../src/engine/ids.ts?copy=${copies}`)) as Ids;
    work(ids, draws);
  } finally {
    if (own) Object.defineProperty(crypto, 'getRandomValues', own);
    else delete (crypto as { getRandomValues?: unknown }).getRandomValues;
  }
}

const hex = (bytes: number[]) => bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** The UUID of the 16 bytes from `from`: version 4, variant 10, dashes at 8, 13, 18 and 23. */
function uuidAt(from: number, draw = 0): string {
  const bytes = Array.from({ length: 16 }, (_, n) => byteAt(from + n, draw));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const d = hex(bytes);
  return `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}`;
}

test('an id is its 16 bytes in order, high digit first, with the version and variant set', async () => {
  await withKnownBytes(({ randomId }, draws) => {
    assert.equal(draws.length, 0, 'nothing drawn before the first id');
    const first = randomId();
    assert.equal(draws.length, 1, 'the first id draws');
    assert.equal(draws[0]!.length, 16 * 256);
    assert.equal(first, uuidAt(0));
    assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(randomId(), uuidAt(16), 'the next id takes the next 16 bytes');
    assert.equal(randomId(), uuidAt(32));
  });
});

test('one draw serves 256 ids; the 257th draws again and starts at its first byte', async () => {
  await withKnownBytes(({ randomId }, draws) => {
    const ids = Array.from({ length: 256 }, randomId);
    assert.equal(draws.length, 1, '256 ids from one draw');
    assert.equal(ids[255], uuidAt(255 * 16));
    assert.equal(new Set(ids).size, 256);
    assert.equal(randomId(), uuidAt(0, 1));
    assert.equal(draws.length, 2);
    assert.equal(randomId(), uuidAt(16, 1));
  });
});

test('a token is its 24 bytes in hex; the pool forgets them; 256 tokens a draw', async () => {
  await withKnownBytes(({ randomToken }, draws) => {
    const first = randomToken();
    assert.equal(draws.length, 1);
    const pool = draws[0]!;
    assert.equal(pool.length, 24 * 256);
    const bytesAt = (from: number, draw = 0) =>
      Array.from({ length: 24 }, (_, n) => byteAt(from + n, draw));
    assert.equal(first, hex(bytesAt(0)));
    assert.deepEqual([...pool.subarray(0, 24)], new Array(24).fill(0), 'used bytes are zeroed');
    assert.equal(pool[24], byteAt(24), 'the next token\u2019s bytes are still there');
    assert.equal(randomToken(), hex(bytesAt(24)));
    assert.deepEqual([...pool.subarray(0, 48)], new Array(48).fill(0));
    for (let n = 2; n < 256; n += 1) randomToken();
    assert.equal(draws.length, 1, '256 tokens from one draw');
    assert.ok(
      pool.every((byte) => byte === 0),
      'every token drawn, the whole pool is zero',
    );
    assert.equal(randomToken(), hex(bytesAt(0, 1)));
    assert.equal(draws.length, 2);
  });
});

test('ids and tokens draw from pools of their own', async () => {
  await withKnownBytes(({ randomId, randomToken }, draws) => {
    assert.equal(randomToken(), hex(Array.from({ length: 24 }, (_, n) => byteAt(n))));
    assert.equal(randomId(), uuidAt(0, 1), 'the first id has a draw of its own');
    assert.equal(draws.length, 2);
  });
});
