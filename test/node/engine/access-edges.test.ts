import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedGraphs } from '../../../src/engine/access.ts';
import type { Actor } from '../../../src/engine/index.ts';
import {
  HOUR,
  OWNER,
  PUBLIC,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  rejects,
  signUp,
  snapshotJson,
  testProject,
  testResource,
  SLOT,
} from './helpers.ts';

/**
 * Who may see what, where access.ts decides it and the access tests did not look (planted by
 * hand, issue #17): a key whose project is gone, webhooks, records that name no project of
 * their own (the owner's holds and sign-ups), a resource two projects share, and a customer
 * token on a booking that has none.
 */

const OTHER: Actor = { role: 'public', projectId: 'other' };
const withToken = (token: string, projectId = 'proj'): Actor => ({
  role: 'public',
  projectId,
  customerToken: token,
});

/** "proj" on res_doc and "other" on res_other, or on res_doc too when `shared`. */
function twoProjects(shared = false) {
  return makeEngine({
    resources: [
      testResource(),
      testResource({ id: 'res_other', calendar: { id: 'cal_other', name: 'Other' } }),
    ],
    projects: [
      testProject(),
      testProject({
        id: 'other',
        app_key: 'other_key',
        resources: [shared ? 'res_doc' : 'res_other'],
      }),
    ],
  });
}

test('an empty graphs list is no list: the project’s own graph', () => {
  assert.deepEqual(allowedGraphs(testProject({ graphs: [], graph: 'confirm_decline' })), [
    'confirm_decline',
  ]);
});

test('the key of a project that is gone opens nothing, not even what the owner could', () => {
  const { engine } = makeEngine();
  engine.clear();
  engine.addResource(testResource());
  engine.addProject(testProject({ id: 'still_here', app_key: 'other_key' }));
  for (const work of [
    () => engine.listResources(PUBLIC),
    () => engine.getResource('res_doc', PUBLIC),
    () => engine.createBooking(oneToOne('instant', SLOT), PUBLIC),
    () =>
      engine.reserve({ resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) }, PUBLIC),
  ]) {
    const refusal = rejects(work, 'unauthorized');
    assert.equal(refusal.message, 'The key is not valid for this API.');
    assert.equal(refusal.status, 401);
  }
  assert.equal(engine.listBookings({}, OWNER).length, 0);
});

test('webhooks are the owner’s: a widget key may not create, list or delete them', () => {
  const { engine } = makeEngine();
  const hook = engine.webhooks.create(
    { url: 'https://hooks.example.test/a', events: ['*'] },
    OWNER,
  );
  for (const work of [
    () => engine.webhooks.create({ url: 'https://attacker.example.test/', events: ['*'] }, PUBLIC),
    () => engine.webhooks.list(PUBLIC),
    () => engine.webhooks.delete(hook.id, PUBLIC),
    () => engine.webhooks.deliveries(hook.id, PUBLIC),
  ]) {
    const refusal = rejects(work, 'forbidden');
    assert.equal(refusal.message, 'Webhooks need the owner key; a widget key may not use them.');
    assert.equal(refusal.status, 403);
  }
  assert.deepEqual(
    engine.webhooks.list(OWNER).map((listed) => listed.url),
    ['https://hooks.example.test/a'],
  );
});

test('an owner’s slot hold with no project belongs to its resource’s project', () => {
  const { engine } = twoProjects();
  const hold = engine.reserve(
    { resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) },
    OWNER,
  );
  assert.equal(engine.getHold(hold.id, PUBLIC).id, hold.id);
  rejects(() => engine.getHold(hold.id, OTHER), 'not_found', /No hold/);
});

test('an owner’s seat hold with no project belongs to its class’s project', () => {
  const { engine } = twoProjects();
  const yoga = openClass(engine, SLOT);
  const hold = engine.reserve({ related: { owner_booking_id: yoga.id } }, OWNER);
  assert.equal(engine.getHold(hold.id, PUBLIC).id, hold.id);
  rejects(() => engine.getHold(hold.id, OTHER), 'not_found', /No hold/);
});

test('a seat the owner signed up with no project opens with its token and its class’s project’s key', () => {
  const { engine } = twoProjects();
  const seat = signUp(engine, openClass(engine, SLOT).id, 1, OWNER);
  assert.equal(seat.project_id, undefined);
  const token = seat.customer_token!;
  assert.equal(engine.getBooking(seat.id, withToken(token)).id, seat.id);
  rejects(() => engine.getBooking(seat.id, withToken(token, 'other')), 'not_found', /No booking/);
});

test('on a resource two projects share, a booking is its own project’s, token or not', () => {
  const { engine } = twoProjects(true);
  const booking = engine.createBooking(oneToOne('instant', SLOT), PUBLIC);
  const token = booking.customer_token!;
  const before = snapshotJson(engine);
  rejects(() => engine.getBooking(booking.id, withToken(token, 'other')), 'not_found');
  rejects(
    () => engine.performAction(booking.id, 'cancel_by_customer', {}, withToken(token, 'other')),
    'not_found',
  );
  assert.equal(snapshotJson(engine), before);
  assert.equal(engine.getBooking(booking.id, withToken(token)).state, 'confirmed');
});

test('a customer token on a booking that has none (a class) is refused as forbidden, not a crash', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  const seat = signUp(engine, yoga.id);
  const refusal = rejects(
    () => engine.getBooking(yoga.id, withToken(seat.customer_token!)),
    'forbidden',
  );
  assert.equal(refusal.message, 'This booking needs the owner key or its customer_token.');
  assert.equal(refusal.status, 403);
});

test('a project listing a resource that is gone lists the ones still there', () => {
  const { engine } = makeEngine({
    projects: [testProject({ resources: ['res_gone', 'res_doc'] })],
  });
  assert.deepEqual(
    engine.listResources(PUBLIC).map((resource) => resource.id),
    ['res_doc'],
  );
});
