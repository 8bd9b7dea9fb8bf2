/**
 * The page behind a decision link, for every outcome, built from a view directly (the HTTP test
 * in after-booking.test.ts follows one booking through confirm and a tampered link). What the
 * owner reads is compared whole inside <main>, whitespace between tags aside.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DecisionView } from '../../../src/engine/decisions.ts';
import { decisionPage } from '../../../src/mock/decision-page.ts';

const BOOKING = {
  id: 'bk_1',
  state: 'tentative',
  what: 'Plans',
  start: '2026-11-27T09:00:00Z',
  end: '2026-11-27T10:00:00Z',
  customer: 'Jennifer Parker',
};
const ACTION = '/v2/decisions/abc.def';

const FACTS =
  '<dl><dt>What</dt><dd>Plans</dd>' +
  '<dt>When (UTC)</dt><dd>2026-11-27T09:00:00Z to 2026-11-27T10:00:00Z</dd>' +
  '<dt>Customer</dt><dd>Jennifer Parker</dd>' +
  '<dt>State</dt><dd>tentative</dd></dl>';

/** The page's status and what <main> holds, with the whitespace between tags taken out. */
function shown(view: DecisionView, action = ACTION) {
  const { status, html } = decisionPage(view, action);
  const main = /<main>([\s\S]*)<\/main>/.exec(html);
  assert.ok(main, html);
  return { status, main: main[1]!.replace(/>\s+</g, '><').trim() };
}

describe('the page around it', () => {
  test('a whole HTML document, not indexed, with a title and no script', () => {
    const { html } = decisionPage({ outcome: 'invalid' }, ACTION);
    assert.ok(html.startsWith('<!doctype html>\n<html lang="en">\n'), html);
    for (const part of [
      '<meta charset="utf-8" />',
      '<meta name="viewport" content="width=device-width, initial-scale=1" />',
      '<meta name="robots" content="noindex" />',
      '<title>Booking decision</title>',
      'body { font: 16px/1.5 system-ui, sans-serif;',
    ])
      assert.ok(html.includes(part), part);
    assert.ok(html.endsWith('</main>\n  </body>\n</html>\n'), html);
    assert.doesNotMatch(html, /<script/);
  });
});

describe('a link that can still be used', () => {
  test('confirm: what is asked, one POST button, until when', () => {
    assert.deepEqual(
      shown({
        outcome: 'ready',
        action: 'confirm',
        booking: BOOKING,
        expires_at: '2026-12-03T12:00:00Z',
      }),
      {
        status: 200,
        main:
          `<h1>Confirm this booking request?</h1>${FACTS}` +
          `<form method="post" action="${ACTION}"><button type="submit">Confirm the booking</button></form>` +
          '<p>The link works once, until 2026-12-03T12:00:00Z.</p>',
      },
    );
  });

  test('decline says decline', () => {
    const { main } = shown({
      outcome: 'ready',
      action: 'decline',
      booking: BOOKING,
      expires_at: '2026-12-03T12:00:00Z',
    });
    assert.ok(main.startsWith('<h1>Decline this booking request?</h1>'), main);
    assert.ok(main.includes('<button type="submit">Decline the booking</button>'), main);
  });
});

describe('a decision just made', () => {
  test('confirmed, and the customer told', () => {
    assert.deepEqual(shown({ outcome: 'applied', action: 'confirm', booking: BOOKING }), {
      status: 200,
      main:
        `<h1>Done: the booking is confirmed</h1>${FACTS}` +
        '<p>The customer has been told by email.</p>',
    });
  });

  test('declined', () => {
    const { main } = shown({ outcome: 'applied', action: 'decline', booking: BOOKING });
    assert.ok(main.startsWith('<h1>Done: the booking is declined</h1><dl>'), main);
  });
});

describe('a link that cannot be used: its status and why, nothing changed', () => {
  const cases = [
    {
      outcome: 'invalid',
      status: 404,
      title: 'This link is not valid',
      text: 'It may be incomplete or altered. Nothing was changed. Open the booking in your dashboard instead.',
    },
    {
      outcome: 'expired',
      status: 410,
      title: 'This link has expired',
      text: 'Decision links work for 7 days. Nothing was changed. Open the booking in your dashboard instead.',
    },
    {
      outcome: 'decided',
      status: 409,
      title: 'Already decided',
      text: 'This link was used, or the request was decided another way. Nothing was changed.',
    },
  ] as const;

  for (const { outcome, status, title, text } of cases) {
    test(`${outcome}: ${status}`, () => {
      assert.deepEqual(shown({ outcome, booking: BOOKING }), {
        status,
        main: `<h1>${title}</h1><p>${text}</p>${FACTS}`,
      });
      assert.deepEqual(shown({ outcome }), { status, main: `<h1>${title}</h1><p>${text}</p>` });
    });
  }
});

describe('the facts shown', () => {
  test('a booking without a time or a customer shows neither row', () => {
    const { main } = shown({
      outcome: 'decided',
      booking: { id: 'b', state: 'confirmed', what: 'Call' },
    });
    assert.ok(
      main.endsWith('<dl><dt>What</dt><dd>Call</dd><dt>State</dt><dd>confirmed</dd></dl>'),
      main,
    );
  });

  test('every value is escaped: no markup from a booking or the path', () => {
    const { main } = shown(
      {
        outcome: 'ready',
        action: 'confirm',
        booking: { ...BOOKING, what: `<b>"Tom" & 'Jerry'</b>`, customer: '<script>x</script>' },
        expires_at: '2026-12-03T12:00:00Z',
      },
      '/v2/decisions/"><script>',
    );
    assert.ok(
      main.includes('<dd>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</dd>'),
      main,
    );
    assert.ok(main.includes('<dd>&lt;script&gt;x&lt;/script&gt;</dd>'), main);
    assert.ok(main.includes('action="/v2/decisions/&quot;&gt;&lt;script&gt;"'), main);
    assert.doesNotMatch(main, /<script|<b>/);
  });
});
