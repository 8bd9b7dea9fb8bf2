import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isLive, outcomeOf, type Outcome } from '../../../src/flow/outcome.ts';
import { prefillProblem, prefillValues } from '../../../src/flow/prefill.ts';
import { problemOf } from '../../../src/flow/problem.ts';
import {
  BOOKABLE_GRAPHS,
  GROUP_GRAPHS,
  ONE_TO_ONE_GRAPHS,
  PAYMENT_GRAPHS,
  flowFor,
} from '../../../src/flow/graphs.ts';

/**
 * The flow's pure pieces, exactly: the flow tests go through them only on the paths a booking
 * takes, so a changed word or a dropped guard on another path went unnoticed (issue 17).
 */

describe('isLive: which outcomes get the success mark', () => {
  test('booked, paid and requested, and nothing else', () => {
    const all: Outcome[] = [
      'booked',
      'requested',
      'awaiting-payment',
      'paid',
      'awaiting-verification',
      'declined',
      'cancelled',
      'cancelled-by-host',
      'moved',
      'expired',
      'past',
      'processing',
    ];
    assert.deepEqual(all.filter(isLive), ['booked', 'requested', 'paid']);
  });

  test('a tentative booking on a graph nobody books through is simply booked', () => {
    assert.equal(outcomeOf('some_graph', 'tentative'), 'booked');
    assert.equal(outcomeOf('group_customer_payment', 'tentative'), 'awaiting-payment');
  });
});

describe('prefillProblem and prefillValues', () => {
  test('no prefill is no problem and no values', () => {
    assert.equal(prefillProblem(undefined), undefined);
    assert.deepEqual(prefillValues(undefined), {});
  });

  test('null and other non-objects are refused, with the same words', () => {
    const words =
      'must be an object of field name to value, e.g. {"name":"Ada","email":"ada@example.com"}.';
    assert.equal(prefillProblem(null), words);
    assert.equal(prefillProblem(42), words);
    assert.equal(prefillProblem(true), words);
    assert.equal(prefillProblem(['Ada']), words);
    assert.equal(
      prefillProblem('{"name":"Ada"}'),
      'is not valid JSON; use an object of field name to value, e.g. {"name":"Ada","email":"ada@example.com"}.',
    );
    assert.equal(
      prefillProblem({ ok: 'x', bad: null }),
      '.bad must be text, a number or true/false.',
    );
  });

  test('a refused prefill seeds nothing', () => {
    // A string would otherwise become one field per character.
    assert.deepEqual(prefillValues('Ada'), {});
    assert.deepEqual(prefillValues({ name: 'Ada', nested: { a: 1 } }), {});
  });

  test('values keep text and yes/no as given, numbers become text, and stay editable', () => {
    const values = prefillValues({ name: 'Ada', terms: true, seats: 2 });
    assert.deepEqual(values, { name: 'Ada', terms: true, seats: '2' });
    // The form writes into them as the visitor types.
    values.name = 'Grace';
    assert.equal(values.name, 'Grace');
  });

  test('a field called __proto__ is a field, not the prototype', () => {
    const values = prefillValues(JSON.parse('{"__proto__":"x"}'));
    assert.equal(Object.getPrototypeOf(values), Object.prototype);
    assert.deepEqual(Object.keys(values), ['__proto__']);
  });
});

describe('problemOf: any thrown value as a problem', () => {
  test('an API error keeps its code, message and field issues', () => {
    const details = [{ path: 'email', message: 'Invalid email' }];
    assert.deepEqual(problemOf({ code: 'validation', message: 'Bad input', details }), {
      code: 'validation',
      message: 'Bad input',
      details,
    });
  });

  test('no field issues, or an empty list, leave details out', () => {
    assert.deepEqual(problemOf({ code: 'conflict', message: 'Taken', details: [] }), {
      code: 'conflict',
      message: 'Taken',
    });
    assert.deepEqual(problemOf({ code: 'conflict', message: 'Taken', details: 'email' }), {
      code: 'conflict',
      message: 'Taken',
    });
  });

  test('what is not an error becomes "unknown" with its text', () => {
    assert.deepEqual(problemOf(null), { code: 'unknown', message: 'null' });
    assert.deepEqual(problemOf('offline'), { code: 'unknown', message: 'offline' });
    assert.deepEqual(problemOf({ code: 404, message: 7 }), {
      code: 'unknown',
      message: '[object Object]',
    });
    assert.deepEqual(problemOf(new TypeError('Failed to fetch')), {
      code: 'unknown',
      message: 'Failed to fetch',
    });
  });
});

describe('the bookable graphs', () => {
  test('each list, exactly', () => {
    assert.deepEqual(ONE_TO_ONE_GRAPHS, ['instant', 'confirm_decline', 'instant_payment']);
    assert.deepEqual(GROUP_GRAPHS, ['group_customer', 'group_customer_payment']);
    assert.deepEqual(BOOKABLE_GRAPHS, [...ONE_TO_ONE_GRAPHS, ...GROUP_GRAPHS]);
    assert.deepEqual(PAYMENT_GRAPHS, ['instant_payment', 'group_customer_payment']);
  });

  test('group graphs start with the class chooser, the rest with the slot grid', () => {
    assert.equal(flowFor('group_customer'), 'group');
    assert.equal(flowFor('group_customer_payment'), 'group');
    assert.equal(flowFor('instant_payment'), 'one-to-one');
    assert.equal(flowFor('anything_else'), 'one-to-one');
    assert.equal(flowFor(undefined), 'one-to-one', 'no graph named: the default, instant');
  });
});
