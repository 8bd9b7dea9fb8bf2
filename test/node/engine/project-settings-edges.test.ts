import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../../src/engine/index.ts';
import {
  DAY,
  HOUR,
  OWNER,
  PUBLIC,
  T0,
  makeEngine,
  oneToOne,
  rejects,
  snapshotJson,
  testProject,
} from './helpers.ts';

/**
 * The owner's after-booking settings (src/engine/project-settings.ts, planted by hand, issue
 * #17): the manage link's template, the reminders' and required fields' rules, what a partial
 * update keeps, and who may change them.
 */

const SLOT = T0 + 3 * DAY; // Thursday 2026-11-26 08:00 UTC
const MANAGE = 'https://shop.example.test/manage?booking={id}&token={token}';

const refusedWith = (engine: ReturnType<typeof makeEngine>['engine'], body: unknown) => {
  const before = snapshotJson(engine);
  const error = rejects(
    () => engine.updateProjectSettings('proj', body, OWNER),
    'validation_failed',
  );
  assert.equal(snapshotJson(engine), before);
  return error.details;
};

test('a project with none set: no link, no reminders, no SMS, name and email required', () => {
  const { engine } = makeEngine();
  assert.deepEqual(engine.getProjectSettings('proj'), {
    manage_url: null,
    reminders: [],
    sms: false,
    required_customer_fields: ['name', 'email'],
  });
  // An empty body, or none, changes nothing and answers the same.
  assert.deepEqual(
    engine.updateProjectSettings('proj', undefined, OWNER),
    engine.getProjectSettings('proj'),
  );
});

test('the manage link names {id} and {token}, anywhere in an http(s) URL of 2000 characters at most', () => {
  const { engine } = makeEngine();
  assert.deepEqual(refusedWith(engine, { manage_url: 'https://shop.example.test/manage' }), [
    { path: 'body.manage_url', message: 'must contain {id} and {token}' },
  ]);
  assert.deepEqual(refusedWith(engine, { manage_url: 'https://shop.example.test/{token}' }), [
    { path: 'body.manage_url', message: 'must contain {id}' },
  ]);
  assert.deepEqual(refusedWith(engine, { manage_url: 'ftp://shop.example.test/{id}/{token}' }), [
    { path: 'body.manage_url', message: 'must be an http(s) URL' },
  ]);
  const set = (url: string) => engine.updateProjectSettings('proj', { manage_url: url }, OWNER);
  assert.equal(
    set('http://localhost:8080/{id}/{token}').manage_url,
    'http://localhost:8080/{id}/{token}',
  );
  // The placeholders may stand in the host too.
  assert.equal(
    set('https://{id}.example.test/{token}').manage_url,
    'https://{id}.example.test/{token}',
  );
  // Even as the whole host: the check puts sample text in each placeholder, not nothing.
  for (const url of ['http://{id}:8080/{token}', 'http://{token}:8080/{id}'])
    assert.equal(set(url).manage_url, url);
  const longest = `https://shop.example.test/{id}/{token}?${'x'.repeat(2000 - 39)}`;
  assert.equal(longest.length, 2000);
  assert.equal(set(longest).manage_url, longest);
  const details = refusedWith(engine, { manage_url: `${longest}x` });
  assert.deepEqual(
    details!.map((issue) => issue.path),
    ['body.manage_url'],
  );
});

test('at most five reminders; required fields once each, with a name among them', () => {
  const { engine } = makeEngine();
  const five = ['1 hour', '2 hours', '3 hours', '4 hours', '5 hours'];
  assert.deepEqual(
    engine.updateProjectSettings('proj', { reminders: five }, OWNER).reminders,
    five,
  );
  const six = refusedWith(engine, { reminders: [...five, '6 hours'] });
  assert.deepEqual(
    six!.map((issue) => issue.path),
    ['body.reminders'],
  );
  assert.deepEqual(refusedWith(engine, { required_customer_fields: ['name', 'email', 'name'] }), [
    { path: 'body.required_customer_fields', message: 'must name each field once' },
  ]);
  assert.deepEqual(refusedWith(engine, { required_customer_fields: ['email', 'phone'] }), [
    {
      path: 'body.required_customer_fields',
      message: 'must include name, first_name, last_name or more: a booking says whom it is for',
    },
  ]);
  assert.deepEqual(
    engine.updateProjectSettings(
      'proj',
      { required_customer_fields: ['first_name', 'last_name', 'phone'] },
      OWNER,
    ).required_customer_fields,
    ['first_name', 'last_name', 'phone'],
  );
});

test('an update changes what it names and keeps the rest; false and null are written', () => {
  const { engine } = makeEngine();
  engine.updateProjectSettings(
    'proj',
    { manage_url: MANAGE, reminders: ['1 hour'], sms: true, required_customer_fields: ['name'] },
    OWNER,
  );
  assert.deepEqual(engine.updateProjectSettings('proj', { sms: false }, OWNER), {
    manage_url: MANAGE,
    reminders: ['1 hour'],
    sms: false,
    required_customer_fields: ['name'],
  });
  assert.deepEqual(engine.updateProjectSettings('proj', { manage_url: null }, OWNER), {
    manage_url: null,
    reminders: ['1 hour'],
    sms: false,
    required_customer_fields: ['name'],
  });
  assert.equal('manage_url' in engine.getProject('proj'), false, 'the link is gone, not blank');
  engine.updateProjectSettings('proj', { sms: true }, OWNER);
  assert.equal(engine.updateProjectSettings('proj', { reminders: [] }, OWNER).sms, true);
  assert.equal(engine.getProjectSettings('proj').sms, true, 'kept when not named');
  engine.updateProjectSettings('proj', { sms: false, reminders: ['1 hour'] }, OWNER);
  // What a read hands out is a copy.
  engine.getProjectSettings('proj').reminders.push('2 hours');
  engine.getProjectSettings('proj').required_customer_fields.push('phone');
  assert.deepEqual(engine.getProjectSettings('proj').reminders, ['1 hour']);
  assert.deepEqual(engine.getProjectSettings('proj').required_customer_fields, ['name']);
});

test('new reminder times reach the bookings already made', () => {
  const { engine } = makeEngine();
  const booking = engine.createBooking(oneToOne('instant', SLOT + 2 * HOUR), PUBLIC);
  const remindersOf = () =>
    engine.snapshot().bookings.find((stored) => stored.id === booking.id)!.reminders;
  assert.equal(remindersOf(), undefined);
  engine.updateProjectSettings('proj', { reminders: ['1 hour'] }, OWNER);
  assert.deepEqual(remindersOf(), [SLOT + HOUR]);
});

test('only the owner changes them, in words; the engine’s own actor is no owner', () => {
  const { engine } = makeEngine();
  for (const actor of [PUBLIC, { role: 'system' } as Actor]) {
    const error = rejects(
      () => engine.updateProjectSettings('proj', { sms: true }, actor),
      'forbidden',
    );
    assert.equal(error.message, 'Only the owner may change a project\u2019s settings.');
  }
  assert.equal(engine.getProjectSettings('proj').sms, false);
  const missing = rejects(() => engine.updateProjectSettings('nope', {}, OWNER), 'not_found');
  assert.equal(missing.message, 'No project with id "nope"');
});

test('a project added with settings the owner could not set is refused, naming them', () => {
  const { engine } = makeEngine();
  assert.throws(
    () =>
      engine.addProject(
        testProject({ id: 'p_email', app_key: 'key_email', required_customer_fields: ['email'] }),
      ),
    {
      message:
        'Project p_email: required_customer_fields must include name, first_name, last_name or more: a booking says whom it is for',
    },
  );
  assert.throws(
    () =>
      engine.addProject(
        testProject({ id: 'p_link', app_key: 'key_link', manage_url: 'https://example.test/b' }),
      ),
    { message: 'Project p_link: manage_url must contain {id} and {token}' },
  );
  assert.throws(
    () =>
      engine.addProject(
        testProject({
          id: 'p_both',
          app_key: 'key_both',
          manage_url: 'https://example.test/b',
          reminders: ['1 hour', '1 hour', '1 hour', '1 hour', '1 hour', '1 hour'],
        }),
      ),
    {
      message:
        'Project p_both: manage_url must contain {id} and {token}; reminders Too big: expected array to have <=5 items',
    },
  );
  const ids = engine.snapshot().projects.map((project) => project.id);
  assert.deepEqual(
    ids.filter((id) => id.startsWith('p_')),
    [],
    'nothing added',
  );
});
