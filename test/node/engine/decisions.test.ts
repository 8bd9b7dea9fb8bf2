import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, MARTY, OWNER, decisionRequest, snapshotJson } from './helpers.ts';

const PAGE = 'http://127.0.0.1:9999/v2/decisions';

const request = () => decisionRequest(PAGE);

describe('owner decisions from the email', () => {
  test('the owner email carries Confirm and Decline links to the decision page', () => {
    const { mail } = request();
    assert.match(mail.body, new RegExp(`Confirm: ${PAGE}/\\S+\\nDecline: ${PAGE}/\\S+`));
    assert.notEqual(mail.links!.confirm, mail.links!.decline);
  });

  test('looking at a link changes nothing; the decision applies once', () => {
    const { engine, booking, token } = request();
    const before = snapshotJson(engine);
    const look = engine.checkDecision(token('confirm'));
    assert.equal(look.outcome, 'ready');
    assert.equal(look.action, 'confirm');
    assert.equal(look.booking?.customer, MARTY.name);
    assert.equal(snapshotJson(engine), before, 'a mail scanner\u2019s GET changes nothing');

    assert.equal(engine.applyDecision(token('confirm')).outcome, 'applied');
    assert.equal(engine.getBooking(booking.id, OWNER).state, 'confirmed');
    const after = snapshotJson(engine);
    assert.equal(engine.applyDecision(token('confirm')).outcome, 'decided');
    assert.equal(engine.applyDecision(token('decline')).outcome, 'decided');
    assert.equal(snapshotJson(engine), after, 'a used link changes nothing');
  });

  test('decline works the same way and tells the customer', () => {
    const { engine, booking, token } = request();
    assert.equal(engine.applyDecision(token('decline')).outcome, 'applied');
    assert.equal(engine.getBooking(booking.id, OWNER).state, 'declined');
    assert.ok(
      engine.outbox().some((entry) => entry.subject === 'Booking declined: Mens haircut'),
      `engine.outbox().some((entry) => entry.subject === 'Booking declined: Mens haircut')`,
    );
  });

  test('an expired link (after 7 days) says so and changes nothing', () => {
    const { engine, clock, booking, token } = request();
    clock.advance(7 * DAY + 1);
    const before = snapshotJson(engine);
    assert.equal(engine.applyDecision(token('confirm')).outcome, 'expired');
    assert.equal(engine.getBooking(booking.id, OWNER).state, 'tentative');
    assert.equal(snapshotJson(engine), before);
  });

  test('a tampered link is refused: another action, another booking, a forged signature', () => {
    const { engine, booking, token } = request();
    const [payload, signature] = token('decline').split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forge = (changes: object) =>
      `${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
    const before = snapshotJson(engine);
    for (const bad of [
      forge({ action: 'confirm' }),
      forge({ expires: claims.expires + 30 * DAY }),
      `${payload}.${'0'.repeat(64)}`,
      'not-a-token',
      '',
    ]) {
      assert.equal(engine.applyDecision(bad).outcome, 'invalid', bad);
    }
    assert.equal(engine.getBooking(booking.id, OWNER).state, 'tentative');
    assert.equal(snapshotJson(engine), before);
  });

  test('a link signed by another engine (another project secret) is refused', () => {
    const first = request();
    const second = request();
    assert.equal(second.engine.checkDecision(first.token('confirm')).outcome, 'invalid');
  });
});
