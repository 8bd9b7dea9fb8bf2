import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aboutOf, resourceOf, testPayment } from '../../../src/flow/settings.ts';
import type { AvailableSlot, Booking, EmbedConfig } from '../../../src/schemas/index.ts';

/** The summary's words and the sandbox payment, exactly: the flow tests never look at either. */

const CONFIG: EmbedConfig = {
  id: 'proj_1',
  name: 'Haircut',
  app_key: 'test_key',
  ui: {},
  availability: { length: '30 minutes', mode: 'roundrobin_random' },
  booking: { graph: 'instant' },
  customer_fields: {},
  resources: ['res_1'],
};
const ADA = { id: 'res_1', name: 'Ada', timezone: 'Europe/Oslo' };
const GRACE = { id: 'res_2', name: 'Grace', timezone: 'Europe/Oslo' };

describe('aboutOf: the summary from the project config', () => {
  test('no config, nothing to say', () => {
    assert.deepEqual(aboutOf(undefined), {});
  });

  test('only the name when the project says nothing more', () => {
    assert.deepEqual(aboutOf(CONFIG), { name: 'Haircut' });
    // Empty text and zero minutes are "not said", not shown as blanks.
    assert.deepEqual(aboutOf({ ...CONFIG, description: '', duration: 0 }), { name: 'Haircut' });
  });

  test('every piece the project gives, and the host when there is exactly one', () => {
    const price = { amount: 4500, currency: 'NOK' };
    const location = { type: 'place' as const, name: 'Main street 1' };
    assert.deepEqual(
      aboutOf({
        ...CONFIG,
        description: 'Wash and cut',
        duration: 30,
        price,
        location,
        resource_details: [ADA],
      }),
      { name: 'Haircut', description: 'Wash and cut', duration: 30, price, location, host: 'Ada' },
    );
  });

  test('two resources, or none, name no host', () => {
    assert.deepEqual(aboutOf({ ...CONFIG, resource_details: [ADA, GRACE] }), { name: 'Haircut' });
    assert.deepEqual(aboutOf({ ...CONFIG, resource_details: [] }), { name: 'Haircut' });
    assert.deepEqual(aboutOf({ ...CONFIG, resource_details: [{ ...ADA, name: '' }] }), {
      name: 'Haircut',
    });
  });
});

describe('resourceOf and the test payment', () => {
  test('a slot is with its first resource; one without any is with none', () => {
    const slot = { start: 's', end: 'e', resources: [GRACE, ADA] } as AvailableSlot;
    assert.equal(resourceOf(slot), 'res_2');
    assert.equal(resourceOf({ ...slot, resources: [] }), undefined);
  });

  test('the sandbox payment names the booking by the first 8 characters of its id', async () => {
    const booking = { id: 'bk_0123456789' } as Booking;
    assert.deepEqual(await testPayment.pay(booking), {
      reference: 'test_bk_01234',
      provider: 'test',
    });
  });
});
