import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  OWNER,
  PUBLIC,
  T0,
  iso,
  makeEngine,
  oneToOne,
  openClass,
  rejects,
  signUp,
  testProject,
  testResource,
} from './helpers.ts';

/**
 * The owner's booking lists and the public class list (src/engine/listing.ts and
 * listing-filters.ts, planted by hand, issue #17): each view's rule and its edges, every filter
 * alone, the instants each bound includes, and which classes a key or a project sees.
 */

const at = (day: number, hour: number) => T0 + day * DAY + (hour - 8) * HOUR;

function listed(engine: ReturnType<typeof makeEngine>['engine']) {
  return (query: unknown) => engine.listBookings(query, OWNER).map((booking) => booking.id);
}

test('only the owner lists bookings or finds one by external_id', () => {
  const { engine } = makeEngine();
  const listing = rejects(() => engine.listBookings({}, PUBLIC), 'forbidden');
  assert.equal(listing.message, 'Listing bookings needs the owner key.');
  const finding = rejects(() => engine.findByExternalId('x', PUBLIC), 'forbidden');
  assert.equal(finding.message, 'Finding bookings needs the owner key.');
});

test('recent lists what holds time, the last updated first; the others by start', () => {
  const { engine, clock } = makeEngine();
  const ids = listed(engine);
  const early = engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  clock.advance(MINUTE);
  const late = engine.createBooking(oneToOne('instant', at(2, 10)), PUBLIC);
  clock.advance(MINUTE);
  const middle = engine.createBooking(oneToOne('instant', at(1, 14)), PUBLIC);
  clock.advance(MINUTE);
  const declined = engine.createBooking(oneToOne('confirm_decline', at(3, 10)), PUBLIC);
  engine.performAction(declined.id, 'decline', {}, OWNER);
  clock.advance(MINUTE);
  engine.updateBooking(late.id, { title: 'Touched last' }, OWNER);
  // Updated last first: not the order of their starts.
  assert.deepEqual(ids({ view: 'recent' }), [late.id, middle.id, early.id]);
  assert.deepEqual(ids({ view: 'active' }), [early.id, middle.id, late.id]);
  assert.deepEqual(ids({}), [early.id, middle.id, late.id, declined.id]);
  // A status (checked in) does not take a booking out of either.
  clock.advance(MINUTE);
  engine.setStatus(middle.id, 'checked_in', OWNER);
  assert.deepEqual(ids({ view: 'recent' }), [middle.id, late.id, early.id]);
  assert.deepEqual(ids({ view: 'active' }), [early.id, middle.id, late.id]);
});

test('a deleted booking is listed only by view all or by asking for its state', () => {
  const { engine } = makeEngine();
  const ids = listed(engine);
  const kept = engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  const gone = engine.createBooking(oneToOne('instant', at(1, 12)), PUBLIC);
  engine.deleteBooking(gone.id, OWNER);
  assert.deepEqual(ids({}), [kept.id]);
  assert.deepEqual(ids({ view: 'visible' }), [kept.id]);
  assert.deepEqual(ids({ view: 'all' }), [kept.id, gone.id]);
  assert.deepEqual(ids({ state: ['deleted'] }), [gone.id]);
  assert.deepEqual(ids({ state: ['deleted', 'confirmed'] }), [kept.id, gone.id]);
});

test('no_status: bookings that hold time and have no status yet', () => {
  const { engine } = makeEngine();
  const ids = listed(engine);
  const plain = engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  const checkedIn = engine.createBooking(oneToOne('instant', at(1, 12)), PUBLIC);
  engine.setStatus(checkedIn.id, 'checked_in', OWNER);
  const declined = engine.createBooking(oneToOne('confirm_decline', at(2, 10)), PUBLIC);
  engine.performAction(declined.id, 'decline', {}, OWNER);
  assert.deepEqual(ids({ view: 'no_status' }), [plain.id]);
  assert.deepEqual(ids({ status: ['checked_in'] }), [checkedIn.id]);
});

test('upcoming: holds time and starts now or later; one under way is not upcoming', () => {
  const { engine, clock } = makeEngine();
  const ids = listed(engine);
  const underway = engine.createBooking(oneToOne('instant', at(1, 9)), PUBLIC);
  const now = engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  const later = engine.createBooking(oneToOne('instant', at(1, 12)), PUBLIC);
  const cancelled = engine.createBooking(oneToOne('instant', at(1, 14)), PUBLIC);
  engine.performAction(cancelled.id, 'cancel', {}, OWNER);
  clock.set(at(1, 10));
  assert.deepEqual(ids({ view: 'upcoming' }), [now.id, later.id]);
  assert.ok(
    ids({ view: 'active' }).includes(underway.id),
    `ids({ view: 'active' }).includes(underway.id)`,
  );
});

test('unconfirmed: waiting for the host or for a verification code', () => {
  const { engine } = makeEngine({
    projects: [
      testProject(),
      testProject({
        id: 'verified',
        app_key: 'verified_key',
        booking_settings: { verification: 'email' },
      }),
    ],
  });
  const ids = listed(engine);
  engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  const request = engine.createBooking(oneToOne('confirm_decline', at(1, 12)), PUBLIC);
  const verifying = engine.createBooking(oneToOne('instant', at(2, 10)), {
    role: 'public',
    projectId: 'verified',
  });
  assert.equal(verifying.state, 'awaiting_verification');
  assert.deepEqual(ids({ view: 'unconfirmed' }), [request.id, verifying.id]);
  assert.deepEqual(ids({ state: ['awaiting_confirmation'] }), [request.id]);
});

test('visible: what holds time, and what was declined or cancelled, not what was completed', () => {
  const { engine } = makeEngine();
  const ids = listed(engine);
  const live = engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  const declined = engine.createBooking(oneToOne('confirm_decline', at(1, 12)), PUBLIC);
  engine.performAction(declined.id, 'decline', {}, OWNER);
  const cancelled = engine.createBooking(oneToOne('instant', at(1, 14)), PUBLIC);
  engine.performAction(cancelled.id, 'cancel', {}, OWNER);
  const completed = engine.createBooking(oneToOne('instant', at(2, 10)), PUBLIC);
  engine.performAction(completed.id, 'complete', {}, OWNER);
  assert.deepEqual(ids({ view: 'visible' }), [live.id, declined.id, cancelled.id]);
});

test('start and end include a booking that starts at start or ends at end, by its own times', () => {
  const { engine } = makeEngine();
  const ids = listed(engine);
  const first = engine.createBooking(oneToOne('instant', at(1, 10)), PUBLIC);
  const second = engine.createBooking(oneToOne('instant', at(1, 11), 120), PUBLIC);
  assert.deepEqual(ids({ start: iso(at(1, 10)) }), [first.id, second.id]);
  assert.deepEqual(ids({ start: iso(at(1, 10) + 1) }), [second.id]);
  assert.deepEqual(ids({ end: iso(at(1, 13)) }), [first.id, second.id]);
  assert.deepEqual(ids({ end: iso(at(1, 13) - 1) }), [first.id]);
  // Ends after the bound though it starts before it: not listed.
  assert.deepEqual(ids({ end: iso(at(1, 12)) }), [first.id]);
});

test('resource_id finds a class’s sign-ups on the class’s resource', () => {
  const { engine } = makeEngine({
    resources: [
      testResource(),
      testResource({ id: 'res_clara', calendar: { id: 'cal_c', name: 'C' } }),
    ],
    projects: [testProject({ resources: ['res_doc', 'res_clara'] })],
  });
  const ids = listed(engine);
  const yoga = openClass(engine, at(1, 10));
  const seat = signUp(engine, yoga.id, 1, OWNER, 'group_customer', 1);
  const other = engine.createBooking(
    {
      ...oneToOne('instant', at(1, 12)),
      event: { ...oneToOne('instant', at(1, 12)).event, resource_id: 'res_clara' },
    },
    PUBLIC,
  );
  assert.deepEqual(ids({ resource_id: ['res_doc'] }), [yoga.id, seat.id]);
  assert.deepEqual(ids({ resource_id: ['res_clara'] }), [other.id]);
});

test('search ignores case and reads the event, the title and each customer’s name and email', () => {
  const { engine } = makeEngine();
  const ids = listed(engine);
  const plain = engine.createBooking(
    { ...oneToOne('instant', at(1, 10)), customer: { name: 'Lorraine', email: 'l@hv.test' } },
    PUBLIC,
  );
  const titled = engine.createBooking(
    {
      ...oneToOne('instant', at(1, 12)),
      customer: { name: 'George', email: 'george@hv.test' },
      title: 'Dance lesson',
    },
    OWNER,
  );
  const yoga = openClass(engine, at(2, 10));
  assert.deepEqual(ids({ search: 'HAIRCUT' }), [plain.id, titled.id]);
  assert.deepEqual(ids({ search: 'dance' }), [titled.id]);
  assert.deepEqual(ids({ search: 'lorraine' }), [plain.id]);
  assert.deepEqual(ids({ search: 'GEORGE@HV' }), [titled.id]);
  assert.deepEqual(ids({ search: 'yoga' }), [yoga.id]);
});

test('find_by external_id: the booking with exactly that id, or not_found naming it', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(
    oneToOne('instant', at(1, 10), 60, { external_id: '7' }),
    OWNER,
  );
  assert.equal(engine.findByExternalId('7', OWNER).id, booking.id);
  const missing = rejects(() => engine.findByExternalId('07', OWNER), 'not_found');
  assert.equal(missing.message, 'No booking with external_id "07"');
});

/** Two projects on two resources; classes of each, and one of nobody's project on Doc's. */
function classes() {
  const made = makeEngine({
    start: at(0, 8),
    resources: [
      testResource(),
      testResource({ id: 'res_clara', name: 'Clara', calendar: { id: 'cal_c', name: 'C' } }),
    ],
    projects: [
      testProject(),
      testProject({ id: 'other', app_key: 'other_key', resources: ['res_clara'] }),
    ],
  });
  const { engine } = made;
  const create = (start: number, resource: string, project?: string, seats = 4) =>
    engine.createBooking(
      {
        graph: 'group_owner',
        settings: { max_seats: seats },
        ...(project ? { project_id: project } : {}),
        event: { start: iso(start), end: iso(start + HOUR), what: 'Yoga', resource_id: resource },
      },
      OWNER,
    );
  return { ...made, create };
}

const groupIds = (
  engine: ReturnType<typeof makeEngine>['engine'],
  query: unknown,
  actor: Actor = PUBLIC,
) => engine.listGroups(query, actor).map((group) => group.id);

test('classes: only live ones not ended yet, by start; one under way is still listed', () => {
  const { engine, clock, create } = classes();
  const later = create(at(2, 10), 'res_doc', 'proj');
  const underway = create(at(1, 10), 'res_doc', 'proj');
  const cancelled = create(at(1, 12), 'res_doc', 'proj');
  engine.performAction(cancelled.id, 'cancel', {}, OWNER);
  create(at(1, 8), 'res_doc', 'proj'); // over by the time the list is asked for
  engine.createBooking(oneToOne('instant', at(1, 14)), PUBLIC);
  clock.set(at(1, 10) + 30 * MINUTE);
  assert.deepEqual(groupIds(engine, {}), [underway.id, later.id]);
  clock.set(at(1, 11));
  assert.deepEqual(groupIds(engine, {}), [later.id], 'a class that ends now is over');
});

test('classes: start includes a class starting then, end excludes one starting then', () => {
  const { engine, create } = classes();
  const ten = create(at(1, 10), 'res_doc', 'proj');
  const noon = create(at(1, 12), 'res_doc', 'proj');
  assert.deepEqual(groupIds(engine, { start: iso(at(1, 10)) }), [ten.id, noon.id]);
  assert.deepEqual(groupIds(engine, { start: iso(at(1, 10) + 1) }), [noon.id]);
  assert.deepEqual(groupIds(engine, { end: iso(at(1, 12)) }), [ten.id]);
  assert.deepEqual(groupIds(engine, { end: iso(at(1, 12) + 1) }), [ten.id, noon.id]);
  // A class under way at `start` began before it: not listed.
  assert.deepEqual(groupIds(engine, { start: iso(at(1, 10) + 30 * MINUTE) }), [noon.id]);
});

test('classes: resource_id, and spaces counts classes with at least that many seats left', () => {
  const { engine, create } = classes();
  const doc = create(at(1, 10), 'res_doc', 'proj', 3);
  const clara = create(at(1, 12), 'res_clara', undefined, 3);
  signUp(engine, doc.id, 1, OWNER, 'group_customer', 1);
  assert.deepEqual(groupIds(engine, { resource_id: 'res_clara' }, OWNER), [clara.id]);
  assert.deepEqual(groupIds(engine, { spaces: 2 }, OWNER), [doc.id, clara.id]);
  assert.deepEqual(groupIds(engine, { spaces: 3 }, OWNER), [clara.id]);
});

test('classes: a key sees its own project’s whatever it asks; the owner naming a project sees what its key sees', () => {
  const { engine, create } = classes();
  const mine = create(at(1, 10), 'res_doc', 'proj');
  const nobodys = create(at(1, 12), 'res_doc');
  const theirs = create(at(1, 14), 'res_clara', 'other');
  const theirsOnDoc = create(at(1, 16), 'res_doc', 'other');
  assert.deepEqual(groupIds(engine, {}, OWNER), [mine.id, nobodys.id, theirs.id, theirsOnDoc.id]);
  assert.deepEqual(groupIds(engine, {}), [mine.id, nobodys.id]);
  assert.deepEqual(groupIds(engine, { project_id: 'other' }), [mine.id, nobodys.id]);
  // The owner naming a project gets what that project's widget lists: not another project's
  // class on a shared resource.
  assert.deepEqual(groupIds(engine, { project_id: 'proj' }, OWNER), [mine.id, nobodys.id]);
  assert.deepEqual(groupIds(engine, { project_id: 'other' }, OWNER), [theirs.id, theirsOnDoc.id]);
});

test('classes: the times are written in the zone asked for', () => {
  const { engine, create } = classes();
  create(at(1, 10), 'res_doc', 'proj');
  const [group] = engine.listGroups({ timezone: 'Asia/Tokyo' }, PUBLIC);
  assert.equal(group!.attributes.event_info.start, '2026-11-24T19:00:00+09:00');
});
