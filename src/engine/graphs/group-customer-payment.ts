import type { GraphDefinition } from './types.ts';
import {
  complete,
  confirmCustomer,
  paymentActions,
  paymentStates,
  requestPayment,
} from './shared.ts';
import { cancelSeatByCustomer, cancelSeatByOwner, seatCreateSteps } from './group-customer.ts';

export const groupCustomerPayment: GraphDefinition = {
  name: 'group_customer_payment',
  description:
    'Seats in a class that stay taken only once paid; unpaid seats are released when the window ends.',
  kind: 'seats',
  createAction: 'create',
  needsCustomer: true,
  states: {
    ...paymentStates,
    cancelled_by_customer: {
      description: 'Given up by the customer.',
      final: true,
      outcome: 'cancelled',
    },
    cancelled_by_owner: {
      description: 'Cancelled by the owner.',
      final: true,
      outcome: 'cancelled',
    },
    completed: { description: 'Done.', final: true, outcome: 'completed' },
  },
  actions: {
    create: {
      description: 'Hold the seats and ask for payment.',
      from: [],
      by: 'anyone',
      steps: [...seatCreateSteps(), ...requestPayment()],
    },
    ...paymentActions([confirmCustomer()]),
    cancel_by_customer: cancelSeatByCustomer(['paid']),
    cancel_by_owner: cancelSeatByOwner(['tentative', 'paid']),
    complete: complete(['paid']),
  },
};
