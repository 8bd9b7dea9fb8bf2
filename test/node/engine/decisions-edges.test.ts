import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  DAY,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  snapshotJson,
  testProject,
  decisionRequest,
  SLOT,
} from './helpers.ts';

/**
 * The edges of src/engine/decisions.ts that planted bugs got past (issue #17): the link's last
 * valid instant, a URL-safe token, a secret of each project's own, the claims checked even
 * under a valid signature, and what the decision page is told in each outcome.
 */

const PAGE = 'http://127.0.0.1:9999/v2/decisions';
const TOKEN = /^[A-Za-z0-9_-]+\.[0-9a-f]{64}$/;

/** A confirm_decline request in `projects` (default: the helpers' one), and its project's secret. */
function request(projects = [testProject()]) {
  const made = decisionRequest(PAGE, projects);
  const secret = made.engine.snapshot().projects.find((p) => p.id === 'proj')!.decision_secret!;
  return { ...made, secret };
}

/** A token as the engine makes one, for claims the engine itself would never sign. */
function forge(secret: string, claims: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(payload)))}`;
}

describe('decision links at their edges', () => {
  test('a link works up to the last millisecond of its 7 days', () => {
    const { engine, clock, token } = request();
    clock.advance(7 * DAY);
    assert.equal(engine.checkDecision(token('confirm')).outcome, 'ready');
    clock.advance(1);
    assert.equal(engine.checkDecision(token('confirm')).outcome, 'expired');
  });

  test('tokens are URL-safe: base64url claims, a dot, a hex HMAC', () => {
    const { token } = request();
    assert.match(token('confirm'), TOKEN);
    assert.match(token('decline'), TOKEN);
  });

  test('each project signs with a 256-bit secret of its own', () => {
    const { secret } = request([testProject(), testProject({ id: 'proj_b', app_key: 'key_b' })]);
    assert.match(secret, /^[0-9a-f]{64}$/);
    const other = makeEngine();
    other.engine.createBooking(oneToOne('confirm_decline', SLOT), PUBLIC);
    assert.notEqual(
      other.engine.snapshot().projects.find((p) => p.id === 'proj')!.decision_secret,
      secret,
    );
  });

  test('under the project’s own signature, claims that are not a decision are still refused', () => {
    const { engine, booking, secret } = request();
    const before = snapshotJson(engine);
    const expires = T0 + DAY;
    for (const claims of [
      { booking: booking.id, action: 'cancel', expires },
      { booking: booking.id, action: 'confirm', expires: String(expires) },
      { booking: booking.id, action: 'confirm', expires: 'never' },
      { booking: booking.id, action: 'confirm' },
    ]) {
      assert.equal(
        engine.applyDecision(forge(secret, claims)).outcome,
        'invalid',
        JSON.stringify(claims),
      );
    }
    assert.equal(snapshotJson(engine), before);
    // The same forge with a real decision's claims is accepted: the refusals above are the claims'.
    assert.equal(
      engine.checkDecision(forge(secret, { booking: booking.id, action: 'confirm', expires }))
        .outcome,
      'ready',
    );
  });

  test('the page is told what the request was in every outcome, and no expiry once applied', () => {
    const { engine, clock, token } = request();
    const summary = {
      what: 'Mens haircut',
      start: '2026-11-24T10:00:00+00:00',
      end: '2026-11-24T11:00:00+00:00',
    };
    const ready = engine.checkDecision(token('decline'));
    const { what, start, end } = ready.booking ?? {};
    assert.deepEqual({ what, start, end }, summary);
    assert.equal(ready.expires_at, '2026-11-30T08:00:00+00:00');
    const applied = engine.applyDecision(token('decline'));
    assert.equal(applied.outcome, 'applied');
    assert.equal('expires_at' in applied, false);
    const decided = engine.checkDecision(token('confirm'));
    assert.equal(decided.outcome, 'decided');
    assert.equal(decided.booking?.state, 'declined');
    assert.equal(decided.booking?.what, summary.what);
    assert.equal(decided.booking?.start, summary.start);
    clock.advance(8 * DAY);
    assert.equal(engine.checkDecision(token('confirm')).booking?.end, summary.end);
  });
});
