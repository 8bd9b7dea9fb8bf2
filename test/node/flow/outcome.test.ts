import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeOf, isLive } from '../../../src/flow/outcome.ts';
import { BOOKABLE_GRAPHS } from '../../../src/flow/graphs.ts';
import { en } from '../../../src/i18n/en/index.ts';
import { loadMessages, supportedLocales } from '../../../src/i18n/index.ts';

const STATES = [
  'confirmed',
  'tentative',
  'paid',
  'awaiting_verification',
  'declined',
  'cancelled',
  'cancelled_by_customer',
  'cancelled_by_owner',
  'rescheduled_by_customer',
  'unpaid',
  'verification_expired',
  'completed',
  'some_future_state',
];

describe('visitor wording of (graph, state)', () => {
  test('each graph says what its first answer means', () => {
    assert.equal(outcomeOf('instant', 'confirmed'), 'booked');
    assert.equal(outcomeOf('group_customer', 'confirmed'), 'booked');
    assert.equal(outcomeOf('confirm_decline', 'tentative'), 'requested');
    assert.equal(outcomeOf('instant_payment', 'tentative'), 'awaiting-payment');
    assert.equal(outcomeOf('group_customer_payment', 'paid'), 'paid');
    // A 1:1 that is tentative without payment or a host's answer is still simply booked.
    assert.equal(outcomeOf('instant', 'tentative'), 'booked');
    assert.equal(outcomeOf('instant', 'cancelled_by_owner'), 'cancelled-by-host');
    assert.equal(outcomeOf('instant', 'constructor'), 'processing');
    assert.ok(
      isLive('requested') && !isLive('cancelled'),
      `isLive('requested') && !isLive('cancelled')`,
    );
  });

  test('no engine word reaches the visitor, in any language', async () => {
    const engineWords =
      /\b(tentative|confirmed|cancelled_by_owner|cancelled_by_customer|awaiting_verification|rescheduled_by_customer|unpaid|seat is held)\b/i;
    for (const locale of supportedLocales()) {
      const t = locale === 'en' ? en : await loadMessages(locale);
      for (const graph of BOOKABLE_GRAPHS) {
        for (const state of STATES) {
          const words = t.widget.outcome[outcomeOf(graph, state)];
          assert.ok(words.length > 0, `${locale} ${graph} ${state}`);
          assert.doesNotMatch(words, engineWords, `${locale} ${graph} ${state}: ${words}`);
        }
      }
      if (locale !== 'en') {
        for (const key of Object.keys(en.widget.outcome) as Array<keyof typeof en.widget.outcome>) {
          assert.notEqual(
            t.widget.outcome[key],
            en.widget.outcome[key],
            `${locale} ${key} translated`,
          );
        }
      }
    }
  });
});
