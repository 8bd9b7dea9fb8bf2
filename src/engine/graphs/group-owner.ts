import type { GraphDefinition } from './types.ts';
import { complete, createEvent } from './shared.ts';

/** Seed 001: the class itself. Open (tentative) while customers sign up for seats. */
export const groupOwner: GraphDefinition = {
  name: 'group_owner',
  description: 'A class or group session with a number of seats that customers sign up for.',
  kind: 'class',
  createAction: 'create',
  needsCustomer: false,
  states: {
    tentative: { description: 'Open for sign-ups; the owner\u2019s time is taken.', holds: true },
    cancelled: {
      description: 'Cancelled; every seat booking was cancelled too.',
      final: true,
      outcome: 'cancelled',
    },
    completed: { description: 'Done.', final: true, outcome: 'completed' },
  },
  actions: {
    create: {
      description: 'Open the class.',
      from: [],
      by: 'owner',
      steps: [
        { name: 'create', to: 'created' },
        { name: 'save_booking_data', effect: { type: 'save_booking' }, to: 'booking_data_saved' },
        createEvent(),
        { name: 'open_for_signups', to: 'tentative' },
      ],
    },
    cancel: {
      description:
        'Cancel the class: every seat booking is cancelled and its customer told, with the message.',
      from: ['tentative'],
      by: 'owner',
      steps: [
        {
          name: 'cancel',
          effect: { type: 'log', text: 'Class was cancelled by: {owner_email}' },
          to: 'cancelling',
        },
        {
          name: 'cancel_seat_bookings',
          effect: { type: 'cancel_seat_bookings' },
          to: 'seat_bookings_cancelled',
        },
        { name: 'delete_event', effect: { type: 'delete_event' }, to: 'event_deleted' },
        { name: 'finish_cancel', to: 'cancelled' },
      ],
    },
    // Seed 004: completing a class completes its confirmed (or paid) seat bookings too.
    complete: {
      ...complete(['tentative']),
      steps: [
        {
          name: 'complete',
          effect: { type: 'log', text: 'Booking was completed' },
          to: 'completing',
        },
        {
          name: 'complete_seat_bookings',
          effect: { type: 'complete_seat_bookings' },
          to: 'completed',
        },
      ],
    },
  },
};
