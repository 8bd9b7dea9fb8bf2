import assert from 'node:assert/strict';
import { RecurrenceError, expandRecurrence } from '../../../src/engine/recurrence.ts';
import type { RecurrenceInput } from '../../../src/engine/recurrence.ts';
import { formatInstant } from '../../../src/lib/time/index.ts';

/** What the recurrence tests share: one Friday class in Copenhagen, expanded by a rule. */

export const CPH = 'Europe/Copenhagen';

/** Friday 2026-09-25 09:00-10:00 Copenhagen (CEST, +02:00). */
export const FRIDAY = {
  start: Date.parse('2026-09-25T07:00:00Z'),
  end: Date.parse('2026-09-25T08:00:00Z'),
};

/** The Friday class repeated by `input` (no rule unless it gives one). */
export const expand = (input: Partial<RecurrenceInput>) =>
  expandRecurrence({ ...FRIDAY, timeZone: CPH, rrule: '', ...input });

/** Local wall times in Copenhagen, without the offset when it is the summer one. */
export const local = (input: Partial<RecurrenceInput>) =>
  expand(input).map((occurrence) => formatInstant(occurrence.start, CPH));

/** Refused with exactly this field and message: the API hands both back to the client. */
export function refusedWith(input: Partial<RecurrenceInput>, field: string, message: string) {
  assert.throws(
    () => expand(input),
    (error: unknown) => {
      assert.ok(error instanceof RecurrenceError, String(error));
      assert.deepEqual({ field: error.field, message: error.message }, { field, message });
      return true;
    },
    JSON.stringify(input),
  );
}
