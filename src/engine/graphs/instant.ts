import type { GraphDefinition } from './types.ts';
import {
  confirmedOneToOneEnds,
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
    ...confirmedOneToOneEnds,
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
