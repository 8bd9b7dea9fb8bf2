import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  takeManageLink,
  DEFAULT_MANAGE_PARAMS,
} from '../../../src/components/widget/manage-link.ts';
import { optionsFromData } from '../../../src/embed/options.ts';

/** A page's location and history, enough for takeManageLink: replaceState records the new URL. */
function page(href: string) {
  const state = { href, calls: 0 };
  return {
    state,
    location: {
      get href() {
        return state.href;
      },
    } as Location,
    history: {
      state: { kept: true },
      replaceState(_data: unknown, _title: string, url: string) {
        state.calls += 1;
        state.href = url;
      },
    } as unknown as History,
  };
}

test('a manage link is read once and leaves the URL; other parameters and the hash stay', () => {
  const visit = page(
    'https://studio.example/book?a=1&slotkit_booking=b1&x=%C3%A9&slotkit_token=tok#top',
  );
  assert.deepEqual(takeManageLink(DEFAULT_MANAGE_PARAMS, visit), {
    bookingId: 'b1',
    customerToken: 'tok',
  });
  assert.equal(visit.state.href, 'https://studio.example/book?a=1&x=%C3%A9#top');
  assert.equal(takeManageLink(DEFAULT_MANAGE_PARAMS, visit), undefined, 'nothing left to read');
  assert.equal(visit.state.calls, 1, 'a URL without a link is not touched');
});

test('a half or implausible link is still removed, and reads as one that opens nothing', () => {
  const half = page('https://studio.example/?slotkit_token=tok');
  assert.deepEqual(takeManageLink(DEFAULT_MANAGE_PARAMS, half), {});
  assert.equal(half.state.href, 'https://studio.example/');
  const long = page(`https://studio.example/?slotkit_booking=b&slotkit_token=${'x'.repeat(500)}`);
  assert.deepEqual(takeManageLink(DEFAULT_MANAGE_PARAMS, long), {});
});

test('the script tag names the parameters with data-manage-param-booking and -token', () => {
  const options = optionsFromData({ appKey: 'k', manageParamBooking: 'b', manageParamToken: 't' });
  assert.equal(options.manageParamBooking, 'b');
  assert.equal(options.manageParamToken, 't');
});
