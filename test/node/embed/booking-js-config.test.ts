import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toWidgetConfig } from '../../../src/embed/booking-js-config.ts';
import { prefillValues } from '../../../src/flow/index.ts';

/**
 * Issue 16: a booking.js v3 config's starting values (`customer_fields.<name>.prefilled`, as
 * booking.js's own config helper and its `?customer.<name>=` parameters set them) reach the
 * widget as `prefill`, so a site moving from booking.js keeps its prefilled form.
 */

const base = { app_key: 'test_widget_key_barber', project_id: 'proj_barber' };

describe('booking.js config: customer prefill', () => {
  test('prefilled name, email and a custom field become prefill; readonly stays on the field', () => {
    const customer_fields = {
      name: { prefilled: 'Ada Lovelace', readonly: true },
      email: { prefilled: 'ada@example.com' },
      comment: { title: 'Anything else?', prefilled: false },
      phone: { prefilled: '' },
      newsletter: { format: 'checkbox', prefilled: true },
    };
    const { widget } = toWidgetConfig({ ...base, customer_fields });
    assert.deepEqual(widget.prefill, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      newsletter: true,
    });
    // The fields themselves go on unchanged: the form reads `readonly` from them.
    assert.equal(widget.customerFields, customer_fields);
    assert.deepEqual(prefillValues(widget.prefill), {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      newsletter: true,
    });
  });

  test('no prefilled values: no prefill key at all', () => {
    const { widget } = toWidgetConfig({
      ...base,
      customer_fields: { name: { title: 'Name' }, email: { prefilled: false } },
    });
    assert.equal('prefill' in widget, false);
  });

  test('an explicit prefill beside booking.js keys wins field by field', () => {
    const { widget } = toWidgetConfig({
      ...base,
      customer_fields: { name: { prefilled: 'From fields' }, email: { prefilled: 'a@b.test' } },
      prefill: { name: 'From prefill' },
    });
    assert.deepEqual(widget.prefill, { name: 'From prefill', email: 'a@b.test' });
  });

  test('a field named __proto__ cannot reach the prototype', () => {
    const customer_fields = JSON.parse(
      '{"__proto__": {"prefilled": "x"}, "name": {"prefilled": "Ada"}}',
    );
    const { widget } = toWidgetConfig({ ...base, customer_fields });
    const prefill = widget.prefill as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(prefill), Object.prototype);
    assert.equal(({} as Record<string, unknown>).prefilled, undefined);
    assert.equal(prefill.name, 'Ada');
  });

  test('a bad prefill is passed on as given, so the widget names it instead of dropping it', () => {
    const { widget } = toWidgetConfig({ ...base, prefill: 'not json' as never });
    assert.equal(widget.prefill, 'not json');
  });
});
