/**
 * Hand-written values of the wire shapes, each one the schemas accept, for tests that need a
 * whole one (the schemas' edges, the SDK's answers) and change only what they test.
 */

export const AT = '2026-11-23T08:00:00Z';

/** A seat hold as `GET /holds/:id` answers it. */
export const aHold = {
  id: 'hold_1',
  state: 'reserved',
  start: AT,
  end: AT,
  seats: 1,
  max_spaces: 1,
  allow_additional_spaces: false,
  expires_at: AT,
  created_at: AT,
  extended: false,
  can_extend: true,
};
