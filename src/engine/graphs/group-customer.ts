import type { ActionDefinition, GraphDefinition, StepDefinition } from './types.ts';
import { complete, confirmCustomer, notifyOwnerOfBooking } from './shared.ts';

/** Steps shared by both seat graphs: the seat booking's own create chain, start and end. */
export const seatCreateSteps = (): StepDefinition[] => [
  { name: 'create', to: 'created' },
  { name: 'save_customer_data', effect: { type: 'save_customer' }, to: 'customer_data_saved' },
  { name: 'save_booking_data', effect: { type: 'save_booking' }, to: 'booking_data_saved' },
];

export function cancelSeatByOwner(from: string[]): ActionDefinition {
  return {
    description:
      'The owner cancels this seat booking (also done for every seat when the class is cancelled).',
    from,
    by: 'owner',
    steps: [
      {
        name: 'cancel_by_owner',
        effect: { type: 'log', text: 'Seat booking was cancelled by: {owner_email}' },
        to: 'cancelling_by_owner',
      },
      {
        name: 'notify_customer_cancelled_by_owner_email',
        effect: {
          type: 'email',
          to: 'customer',
          template: 'cancelled by owner notification',
          subject: 'Class cancelled: {what}',
        },
        to: 'notified_customer_cancelled_by_owner_email',
        optional: true,
      },
      { name: 'finish_cancel_by_owner', to: 'cancelled_by_owner' },
    ],
  };
}

export function cancelSeatByCustomer(from: string[]): ActionDefinition {
  return {
    description: 'The customer gives up the seats, no later than the class\u2019s min_cancel_time.',
    from,
    by: 'customer',
    steps: [
      {
        name: 'cancel_by_customer',
        effect: { type: 'check_cancel_window' },
        to: 'cancelling_by_customer',
      },
      {
        name: 'notify_owner_cancelled_by_customer_email',
        effect: {
          type: 'email',
          to: 'owner',
          template: 'cancelled by customer notification',
          subject: 'Seat given up: {what}',
        },
        to: 'notified_owner_cancelled_by_customer_email',
        optional: true,
      },
      { name: 'finish_cancel_by_customer', to: 'cancelled_by_customer' },
    ],
  };
}

export const groupCustomer: GraphDefinition = {
  name: 'group_customer',
  description:
    'A customer\u2019s seats in a class (needs related.owner_booking_id; related.seats defaults to 1).',
  kind: 'seats',
  createAction: 'create',
  needsCustomer: true,
  states: {
    confirmed: { description: 'Signed up; the seats are taken.', holds: true },
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
      description: 'Take the seats.',
      from: [],
      by: 'anyone',
      steps: [
        ...seatCreateSteps(),
        confirmCustomer(),
        notifyOwnerOfBooking(),
        { name: 'finish_create', to: 'confirmed' },
      ],
    },
    cancel_by_customer: cancelSeatByCustomer(['confirmed']),
    cancel_by_owner: cancelSeatByOwner(['confirmed']),
    complete: complete(['confirmed']),
  },
};
