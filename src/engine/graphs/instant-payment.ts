import type { GraphDefinition } from './types.ts';
import {
  complete,
  confirmCustomer,
  confirmedOneToOneActions,
  createEvent,
  createSteps,
  paymentActions,
  paymentStates,
  requestPayment,
} from './shared.ts';

const { cancel } = confirmedOneToOneActions();

export const instantPayment: GraphDefinition = {
  name: 'instant_payment',
  description:
    'The time is held while the customer pays; unpaid bookings release it when the window ends.',
  kind: 'slot',
  createAction: 'create',
  needsCustomer: true,
  states: {
    ...paymentStates,
    cancelled: { description: 'Cancelled by the owner.', final: true, outcome: 'cancelled' },
    completed: { description: 'Done.', final: true, outcome: 'completed' },
  },
  actions: {
    create: {
      description: 'Hold the time and ask for payment.',
      from: [],
      by: 'anyone',
      steps: [...createSteps().filter((step) => step.when === undefined), ...requestPayment()],
    },
    ...paymentActions([createEvent(), confirmCustomer()]),
    cancel: { ...cancel!, from: ['paid'] },
    complete: complete(['paid']),
  },
};
