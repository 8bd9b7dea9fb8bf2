import type { GraphDefinition } from './types.ts';
import {
  confirmCustomer,
  confirmedOneToOneActions,
  createEvent,
  createSteps,
  notifyOwnerOfBooking,
  verificationActions,
  verificationStates,
} from './shared.ts';

export const instant: GraphDefinition = {
  name: 'instant',
  description: 'Instant booking: new bookings are confirmed at once and occupy the time.',
  kind: 'slot',
  createAction: 'create',
  needsCustomer: true,
  states: {
    ...verificationStates,
    confirmed: { description: 'Booked; the time is taken.', holds: true },
    cancelled: { description: 'Cancelled by the owner.', final: true, outcome: 'cancelled' },
    cancelled_by_customer: {
      description: 'Cancelled by the customer.',
      final: true,
      outcome: 'cancelled',
    },
    rescheduled_by_customer: {
      description: 'Moved by the customer to a new, linked booking.',
      final: true,
      outcome: 'rescheduled',
    },
    completed: { description: 'Done.', final: true, outcome: 'completed' },
  },
  actions: {
    create: {
      description: 'Book the time.',
      from: [],
      by: 'anyone',
      steps: [
        ...createSteps(),
        createEvent(),
        confirmCustomer(),
        notifyOwnerOfBooking(),
        { name: 'finish_create', to: 'confirmed' },
      ],
    },
    ...verificationActions,
    ...confirmedOneToOneActions(),
  },
};
