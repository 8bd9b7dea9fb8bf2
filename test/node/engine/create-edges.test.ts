import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAY,
  HOUR,
  MARTY,
  OWNER,
  PUBLIC,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  refusedUnchanged,
  rejects,
  snapshotJson,
  testProject,
  testResource,
  SLOT,
} from './helpers.ts';

/**
 * What src/engine/create.ts checks before it writes, that the create tests left unchecked
 * (planted by hand, issue #17): a hold books only what it holds, a create starts with its
 * graph's create action, a class has no customer, and a sign-up belongs to its class's project.
 * Each refusal leaves the store as it was.
 */

/** Refused with validation_failed on exactly `paths`, and nothing changed. */
function refusedOn(engine: ReturnType<typeof makeEngine>['engine'], work: () => unknown) {
  return refusedUnchanged(engine, work, 'validation_failed').details?.map((issue) => issue.path);
}

test('a slot hold books only its own resource, start and end', () => {
  const { engine } = makeEngine({
    resources: [testResource(), testResource({ id: 'res_marty' })],
    projects: [testProject({ resources: ['res_doc', 'res_marty'] })],
  });
  const hold = engine.reserve(
    { resource_id: 'res_doc', start: iso(SLOT), end: iso(SLOT + HOUR) },
    PUBLIC,
  );
  const withHold = (start: number, minutes: number, resource = 'res_doc') => {
    const body = oneToOne('instant', start, minutes, { reservation_id: hold.id });
    return { ...body, event: { ...body.event, resource_id: resource } };
  };
  // A later end, an earlier start (same end), the other resource.
  for (const body of [
    withHold(SLOT, 120),
    withHold(SLOT - HOUR, 120),
    withHold(SLOT, 60, 'res_marty'),
  ])
    assert.deepEqual(
      refusedOn(engine, () => engine.createBooking(body, PUBLIC)),
      ['reservation_id'],
    );
  assert.equal(engine.createBooking(withHold(SLOT, 60), PUBLIC).state, 'confirmed');
});

test('a seat hold of one class does not sign up for another', () => {
  const { engine } = makeEngine();
  const yoga = openClass(engine, SLOT);
  const pilates = openClass(engine, SLOT + DAY);
  const hold = engine.reserve({ related: { owner_booking_id: yoga.id } }, PUBLIC);
  const body = {
    graph: 'group_customer',
    reservation_id: hold.id,
    related: { owner_booking_id: pilates.id },
    customer: MARTY,
  };
  assert.deepEqual(
    refusedOn(engine, () => engine.createBooking(body, PUBLIC)),
    ['reservation_id'],
  );
});

test('a create names its graph’s create action or none', () => {
  const { engine } = makeEngine();
  const before = snapshotJson(engine);
  const refusal = rejects(
    () => engine.createBooking(oneToOne('instant', SLOT, 60, { action: 'confirm' }), PUBLIC),
    'invalid_action',
  );
  assert.equal(refusal.message, 'A instant booking starts with "create", not "confirm".');
  assert.equal(snapshotJson(engine), before);
});

test('a class has no customer', () => {
  const { engine } = makeEngine();
  const body = {
    ...oneToOne('group_owner', SLOT),
    settings: { max_seats: 5 },
  };
  assert.deepEqual(
    refusedOn(engine, () => engine.createBooking(body, OWNER)),
    ['customer'],
  );
});

test('the owner’s sign-up to a project’s class is that project’s, under its customer rules', () => {
  const { engine } = makeEngine({
    projects: [testProject({ required_customer_fields: ['name', 'email', 'phone'] })],
  });
  const yoga = engine.createBooking(
    {
      graph: 'group_owner',
      project_id: 'proj',
      settings: { max_seats: 5 },
      event: oneToOne('group_owner', SLOT).event,
    },
    OWNER,
  );
  const signUp = (customer: Record<string, unknown>) => ({
    graph: 'group_customer',
    related: { owner_booking_id: yoga.id },
    customer,
  });
  const { phone: _phone, ...noPhone } = MARTY;
  assert.deepEqual(
    refusedOn(engine, () => engine.createBooking(signUp(noPhone), OWNER)),
    ['customer.phone'],
  );
  assert.equal(engine.createBooking(signUp(MARTY), OWNER).project_id, 'proj');
});

test('a sign-up by time with one bad field reports that field only, not the class’s missing end', () => {
  const { engine } = makeEngine();
  openClass(engine, SLOT);
  const body = {
    graph: 'group_customer',
    event: { start: iso(SLOT), resource_id: 'res_doc' },
    customer: { ...MARTY, email: 'not an email' },
  };
  assert.deepEqual(
    refusedOn(engine, () => engine.createBooking(body, PUBLIC)),
    ['customer.email'],
  );
});

test('the owner’s settings on a create win over the project’s', () => {
  const { engine } = makeEngine({
    projects: [testProject({ booking_settings: { payment_window: '10 minutes' } })],
  });
  const booking = engine.createBooking(
    oneToOne('instant_payment', SLOT, 60, {
      project_id: 'proj',
      settings: { payment_window: '2 hours' },
    }),
    OWNER,
  );
  assert.equal(booking.expires_at, '2026-11-23T10:00:00+00:00');
});

test('the project’s only resource is the one booked when none is named', () => {
  const { engine } = makeEngine();
  const { resource_id: _named, ...event } = oneToOne('instant', SLOT).event;
  const booking = engine.createBooking({ ...oneToOne('instant', SLOT), event }, PUBLIC);
  assert.equal(booking.resource?.id, 'res_doc');
});

test('two bad parts are reported together; one bad part waits for the refusals before it', () => {
  const { engine } = makeEngine({ projects: [testProject({ graphs: ['instant'] })] });
  const badEmail = { ...MARTY, email: 'not an email' };
  const { event } = oneToOne('instant', SLOT);
  const twoBad = oneToOne('instant', SLOT, 60, {
    customer: badEmail,
    event: { ...event, end: event.start },
  });
  assert.deepEqual(
    refusedOn(engine, () => engine.createBooking(twoBad, PUBLIC)),
    ['customer.email', 'event.end'],
  );
  // Who may book with which graph is answered before a lone bad field.
  const oneBad = oneToOne('confirm_decline', SLOT, 60, { customer: badEmail });
  rejects(() => engine.createBooking(oneBad, PUBLIC), 'graph_not_allowed');
});
