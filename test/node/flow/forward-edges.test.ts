import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { forwardedNames, forwardedParams } from '../../../src/flow/forward.ts';

/**
 * `forward-query-params` as a host page writes it, every spelling: forward.test.ts covers the
 * booking path, this the words and caps one by one (issue 17's survivors).
 */

describe('forwardedNames: the setting, every spelling', () => {
  test('off in any case and with spaces', () => {
    for (const off of [false, 'false', ' Off ', 'NO', '0']) {
      assert.equal(forwardedNames(off), false, String(off));
    }
  });

  test('on: only utm_*', () => {
    for (const on of [undefined, true, '', ' TRUE ', 'On']) {
      assert.deepEqual(forwardedNames(on), [], String(on));
    }
  });

  test('a list, as text or an array, trimmed and without blanks', () => {
    assert.deepEqual(forwardedNames(' gclid , ,ref,'), ['gclid', 'ref']);
    assert.deepEqual(forwardedNames([' gclid ', '', 'ref']), ['gclid', 'ref']);
  });
});

describe('forwardedParams: the caps, at their edges', () => {
  test('a 40-character key travels, the first of two values wins', () => {
    const key = `utm_${'k'.repeat(36)}`;
    assert.deepEqual(forwardedParams(`?${key}=v&utm_a=1&utm_a=2`, undefined), {
      [key]: 'v',
      utm_a: '1',
    });
  });

  test('a repeated key is counted once: 20 distinct keys all travel', () => {
    const keys = Array.from({ length: 20 }, (_, n) => `utm_${n}=v`);
    const kept = forwardedParams(`?utm_0=again&${keys.join('&')}`, undefined) ?? {};
    assert.equal(Object.keys(kept).length, 20);
    assert.equal(kept.utm_0, 'again');
  });

  test('control characters, DEL included, become spaces; other text stays', () => {
    const raw = encodeURIComponent('a\u0000b\u001fc\u007fd\u0080e f~');
    assert.deepEqual(forwardedParams(`?utm_x=${raw}`, undefined), { utm_x: 'a b c d\u0080e f~' });
  });

  test('only names that start with utm_ or are named', () => {
    assert.deepEqual(forwardedParams('?x_utm_=1&utm_=2&ref=3', 'ref'), { utm_: '2', ref: '3' });
  });

  test("the record is the caller's to edit", () => {
    const kept = forwardedParams('?utm_a=1', undefined) ?? {};
    kept.utm_a = '2';
    assert.equal(kept.utm_a, '2');
  });
});
