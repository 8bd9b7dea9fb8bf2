import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionOf, allowedGraphs, sameSecret } from '../../../src/engine/access.ts';
import { builtInGraphs } from '../../../src/engine/index.ts';
import {
  HOUR,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  openClass,
  snapshotJson,
  testProject,
  testResource,
  rejects,
} from './helpers.ts';

const TOMORROW_10 = T0 + 26 * HOUR;

/** Two projects on two resources: "proj" (res_doc) and "other" (res_other). */
function twoProjects() {
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
        resources: ['res_other'],
        graphs: ['instant', 'group_customer'],
      }),
    ],
  });
}
const OTHER = { role: 'public', projectId: 'other' } as const;

test('sameSecret: equal only for the same string, whatever the lengths', () => {
  assert.equal(sameSecret('abc123', 'abc123'), true);
  for (const given of ['abc124', 'abc12', 'abc1234', '', 'ABC123'])
    assert.equal(sameSecret(given, 'abc123'), false, given);
});

test('allowedGraphs: the project’s graphs, else its one graph', () => {
  assert.deepEqual(allowedGraphs(testProject({ graphs: undefined })), ['instant']);
  assert.deepEqual(allowedGraphs(testProject({ graphs: ['instant', 'confirm_decline'] })), [
    'instant',
    'confirm_decline',
  ]);
});

test('actionOf: only a graph’s own actions, never Object.prototype members', () => {
  const instant = builtInGraphs.find((graph) => graph.name === 'instant')!;
  assert.ok(actionOf(instant, 'cancel'), `actionOf(instant, 'cancel')`);
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    assert.equal(actionOf(instant, name), undefined, name);
});

test('another project’s class, hold, resource and booking answer as unknown ones, and nothing changes', () => {
  const { engine } = twoProjects();
  const theirs = engine.createBooking(
    {
      ...oneToOne('instant', TOMORROW_10),
      event: { ...oneToOne('instant', TOMORROW_10).event, resource_id: 'res_other' },
    },
    OTHER,
  );
  const hold = engine.reserve(
    {
      resource_id: 'res_other',
      start: new Date(TOMORROW_10 + 2 * HOUR).toISOString(),
      end: new Date(TOMORROW_10 + 3 * HOUR).toISOString(),
    },
    OTHER,
  );
  const before = snapshotJson(engine);
  const same = (work: (id: string) => unknown, id: string) => {
    const unknown = rejects(() => work('nope'), 'not_found');
    const other = rejects(() => work(id), 'not_found');
    assert.equal(other.message.replace(id, '<id>'), unknown.message.replace('nope', '<id>'));
    assert.deepEqual(other.details, unknown.details);
  };
  const me = { ...PUBLIC, customerToken: theirs.customer_token! };
  same((id) => engine.getBooking(id, me), theirs.id);
  same((id) => engine.performAction(id, 'cancel_by_customer', {}, me), theirs.id);
  same((id) => engine.getHold(id, PUBLIC), hold.id);
  same((id) => engine.extendHold(id, PUBLIC), hold.id);
  same((id) => engine.releaseHold(id, PUBLIC), hold.id);
  same((id) => engine.getResource(id, PUBLIC), 'res_other');
  same((id) => engine.getProject(id, PUBLIC), 'other');
  assert.equal(snapshotJson(engine), before);
  assert.deepEqual(
    engine.listResources(PUBLIC).map((resource) => resource.id),
    ['res_doc'],
  );
});

test('a class of another project: no sign-up, no seat hold, not listed', () => {
  const { engine } = twoProjects();
  const yoga = openClass(engine, TOMORROW_10);
  assert.equal(engine.listGroups({}, PUBLIC).length, 1);
  assert.equal(engine.listGroups({}, OTHER).length, 0);
  const before = snapshotJson(engine);
  rejects(
    () => engine.reserve({ related: { owner_booking_id: yoga.id } }, OTHER),
    'not_found',
    /No class/,
  );
  rejects(() => engine.getGroup(yoga.id, OTHER), 'not_found', /No class/);
  rejects(
    () =>
      engine.createBooking(
        {
          graph: 'group_customer',
          related: { owner_booking_id: yoga.id },
          customer: { name: 'A', email: 'a@b.test' },
        },
        OTHER,
      ),
    'not_found',
    /No class/,
  );
  assert.equal(snapshotJson(engine), before);
});

test('graph_not_allowed names the allowed graphs; the owner books any graph', () => {
  const { engine } = twoProjects();
  const refusal = rejects(
    () => engine.createBooking(oneToOne('confirm_decline', TOMORROW_10), OTHER),
    'graph_not_allowed',
    /"instant", "group_customer" only, not "confirm_decline"/,
  );
  assert.equal(refusal.status, 403);
  assert.equal(
    engine.createBooking(
      { ...oneToOne('confirm_decline', TOMORROW_10), project_id: 'other' },
      OWNER,
    ).state,
    'tentative',
  );
});

test('field_not_allowed names every owner field; the owner may set them all', () => {
  const { engine } = makeEngine();
  const body = {
    ...oneToOne('instant', TOMORROW_10),
    settings: { payment_window: '26 weeks', min_cancel_time: '0 minutes' },
    send_booking_notification_email_to_owner: { enabled: false },
    trigger_webhook: { enabled: false },
    ignore_capacity: true,
  };
  const refusal = rejects(() => engine.createBooking(body, PUBLIC), 'field_not_allowed');
  assert.deepEqual(
    refusal.details!.map((detail) => detail.path),
    [
      'settings.payment_window',
      'settings.min_cancel_time',
      'send_booking_notification_email_to_owner',
      'trigger_webhook',
      'ignore_capacity',
    ],
  );
  assert.equal(engine.createBooking(body, OWNER).state, 'confirmed');
});
