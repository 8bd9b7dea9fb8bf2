import type { GraphDefinition } from './types.ts';
import {
  confirmedOneToOneEnds,
  cancelByCustomer,
  confirmedOneToOneActions,
  createEvent,
  createSteps,
  verificationActions,
  verificationStates,
} from './shared.ts';

/** Seed 000's walk-through: tentative until the owner confirms or declines. */
export const confirmDecline: GraphDefinition = {
  name: 'confirm_decline',
  description: 'New bookings wait, tentative, until the owner confirms or declines them.',
  kind: 'slot',
  createAction: 'create',
  needsCustomer: true,
  states: {
    ...verificationStates,
    tentative: { description: 'Requested; waiting for the owner. The time is held.', holds: true },
    confirmed: { description: 'Confirmed by the owner; the time is taken.', holds: true },
    declined: { description: 'Declined by the owner.', final: true, outcome: 'declined' },
    ...confirmedOneToOneEnds,
  },
  actions: {
    create: {
      description: 'Request the time; the owner is asked to confirm or decline.',
      from: [],
      by: 'anyone',
      steps: [
        ...createSteps(),
        {
          name: 'send_confirm_decline_email_to_owner',
          effect: {
            type: 'email',
            to: 'owner',
            template: 'confirm/decline',
            subject: 'Please confirm or decline: {what}',
          },
          to: 'notified_owner_by_action_email',
          optional: true,
        },
        { name: 'await_decision', to: 'tentative' },
      ],
    },
    ...verificationActions,
    decline: {
      description: 'The owner declines; the customer is told, with the message if one is given.',
      from: ['tentative'],
      by: 'owner',
      steps: [
        {
          name: 'decline',
          effect: { type: 'log', text: 'Booking was rejected by: {owner_email}' },
          to: 'declining',
        },
        {
          name: 'notify_customer_declined_by_email',
          effect: {
            type: 'email',
            to: 'customer',
            template: 'declined notification',
            subject: 'Booking declined: {what}',
          },
          to: 'notified_customer_declined_by_email',
          optional: true,
        },
        { name: 'finish_decline', to: 'declined' },
      ],
    },
    confirm: {
      description: 'The owner confirms; the time is booked and the customer told.',
      from: ['tentative'],
      by: 'owner',
      steps: [
        {
          name: 'confirm',
          effect: { type: 'log', text: 'Booking was confirmed by: {owner_email}' },
          to: 'confirming',
        },
        createEvent(),
        {
          name: 'notify_customer_confirmed_by_email',
          effect: {
            type: 'email',
            to: 'customer',
            template: 'confirmed notification',
            subject: 'Booking confirmed: {what}',
          },
          to: 'notified_customer_confirmed_by_email',
          optional: true,
        },
        { name: 'finish_confirm', to: 'confirmed' },
      ],
    },
    ...confirmedOneToOneActions(),
    // Declared after the confirmed-state actions so it also covers tentative requests.
    cancel_by_customer: cancelByCustomer(['tentative', 'confirmed', 'awaiting_verification']),
  },
};
