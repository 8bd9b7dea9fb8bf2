import type { ActionDefinition, StateDefinition, StepDefinition } from './types.ts';

/** Building blocks several graph definitions share; each graph file stays readable as data. */

export const createSteps = (): StepDefinition[] => [
  { name: 'create', to: 'created' },
  { name: 'save_customer_data', effect: { type: 'save_customer' }, to: 'customer_data_saved' },
  { name: 'save_booking_data', effect: { type: 'save_booking' }, to: 'booking_data_saved' },
  {
    name: 'send_verification_code',
    effect: { type: 'send_verification_code' },
    to: 'awaiting_verification',
    when: 'verification_required',
    pause: true,
  },
];

export const verificationStates: Record<string, StateDefinition> = {
  awaiting_verification: {
    description: 'Waiting for the customer to enter the code sent by email; the time is held.',
    holds: true,
    timeout: {
      action: 'expire_verification',
      setting: 'verification_window',
      default: '15 minutes',
    },
  },
  verification_expired: {
    description: 'The code was not entered in time; the time is free again.',
    final: true,
    outcome: 'expired',
  },
};

export const verificationActions: Record<string, ActionDefinition> = {
  verify: {
    description: 'Enter the code sent to the customer; the booking continues where it paused.',
    from: ['awaiting_verification'],
    by: 'customer',
    resumes: true,
    steps: [{ name: 'verify', effect: { type: 'check_verification_code' }, to: 'verified' }],
  },
  expire_verification: {
    description: 'The verification window passed.',
    from: ['awaiting_verification'],
    by: 'system',
    steps: [
      {
        name: 'expire_verification',
        effect: { type: 'log', text: 'Verification code expired' },
        to: 'verification_expired',
      },
    ],
  },
};

export const notifyOwnerOfBooking = (): StepDefinition => ({
  name: 'send_booking_notification_email_to_owner',
  effect: { type: 'email', to: 'owner', template: 'new booking', subject: 'New booking: {what}' },
  to: 'notified_owner_by_email',
  optional: true,
});

export const confirmCustomer = (): StepDefinition => ({
  name: 'send_booking_confirmed_email_to_customer',
  effect: {
    type: 'email',
    to: 'customer',
    template: 'booking confirmation',
    subject: 'Booking confirmed: {what}',
  },
  to: 'notified_customer_by_email',
  optional: true,
});

export const createEvent = (): StepDefinition => ({
  name: 'create_event',
  effect: { type: 'create_event' },
  to: 'event_created',
});

export const deleteEvent = (): StepDefinition => ({
  name: 'delete_event',
  effect: { type: 'delete_event' },
  to: 'event_deleted',
});

/** Where a confirmed 1:1 booking can end: the states its actions below lead to. */
export const confirmedOneToOneEnds: Record<string, StateDefinition> = {
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
};

/** The actions of a confirmed 1:1 booking: the same in instant and confirm_decline. */
export const confirmedOneToOneActions = (): Record<string, ActionDefinition> => ({
  // Seed 004: a booking still awaiting verification may be cancelled by either side too.
  cancel: {
    description: 'The owner cancels; the customer is told, with the message if one is given.',
    from: ['confirmed', 'awaiting_verification'],
    by: 'owner',
    steps: [
      {
        name: 'cancel',
        effect: { type: 'log', text: 'Booking was cancelled by: {owner_email}' },
        to: 'cancelling',
      },
      deleteEvent(),
      {
        name: 'notify_customer_cancelled_by_email',
        effect: {
          type: 'email',
          to: 'customer',
          template: 'cancelled notification',
          subject: 'Booking cancelled: {what}',
        },
        to: 'notified_customer_cancelled_by_email',
        optional: true,
      },
      { name: 'finish_cancel', to: 'cancelled' },
    ],
  },
  cancel_by_customer: cancelByCustomer(['confirmed', 'awaiting_verification']),
  reschedule_by_customer: {
    description: 'The customer moves the booking; a new linked booking takes the new time.',
    from: ['confirmed'],
    by: 'customer',
    steps: [
      { name: 'reschedule_by_customer', effect: { type: 'reschedule' }, to: 'rescheduling' },
      deleteEvent(),
      {
        name: 'notify_owner_rescheduled_by_email',
        effect: {
          type: 'email',
          to: 'owner',
          template: 'rescheduled notification',
          subject: 'Booking moved: {what}',
        },
        to: 'notified_owner_rescheduled_by_email',
        optional: true,
      },
      { name: 'finish_reschedule', to: 'rescheduled_by_customer' },
    ],
  },
  complete: complete(['confirmed']),
});

export function cancelByCustomer(from: string[]): ActionDefinition {
  return {
    description: 'The customer cancels; the owner is told, with the message if one is given.',
    from,
    by: 'customer',
    steps: [
      {
        name: 'cancel_by_customer',
        effect: { type: 'log', text: 'Booking was cancelled by customer: {customer_email}' },
        to: 'cancelling_by_customer',
      },
      {
        name: 'notify_owner_cancelled_by_customer_email',
        effect: {
          type: 'email',
          to: 'owner',
          template: 'cancelled by customer notification',
          subject: 'Booking cancelled by the customer: {what}',
        },
        to: 'notified_owner_cancelled_by_customer_email',
        optional: true,
      },
      { name: 'finish_cancel_by_customer', to: 'cancelled_by_customer' },
    ],
  };
}

export function complete(from: string[]): ActionDefinition {
  return {
    description: 'Mark the booking as done.',
    from,
    by: 'owner',
    steps: [
      { name: 'complete', effect: { type: 'log', text: 'Booking was completed' }, to: 'completed' },
    ],
  };
}

/** The payment window: tentative until paid, unpaid (and free again) when it runs out. */
export function paymentActions(paidSteps: StepDefinition[]): Record<string, ActionDefinition> {
  return {
    pay: {
      description:
        'Register the payment (the test payment in the sandbox, a provider webhook in production).',
      from: ['tentative'],
      by: 'customer',
      steps: [
        { name: 'pay', effect: { type: 'register_payment' }, to: 'paying' },
        ...paidSteps,
        {
          name: 'send_payment_receipt_email_to_customer',
          effect: {
            type: 'email',
            to: 'customer',
            template: 'payment receipt',
            subject: 'Payment received: {what}',
          },
          to: 'notified_customer_paid_by_email',
          optional: true,
        },
        { name: 'finish_pay', to: 'paid' },
      ],
    },
    // Not in the API contract: without it the widget's "Back" kept the time taken until the
    // window ran out, and nobody else could book it meanwhile.
    release: {
      description: 'The customer left before paying; what was held is free again at once.',
      from: ['tentative'],
      by: 'customer',
      steps: [
        {
          name: 'release',
          effect: { type: 'log', text: 'Released by the customer before paying' },
          to: 'releasing',
        },
        { name: 'finish_release', to: 'unpaid' },
      ],
    },
    timeout: {
      description: 'The payment window passed without payment; what was held is free again.',
      from: ['tentative'],
      by: 'system',
      steps: [
        {
          name: 'timeout',
          effect: { type: 'log', text: 'Payment window expired' },
          to: 'timing_out',
        },
        {
          name: 'notify_customer_unpaid_by_email',
          effect: {
            type: 'email',
            to: 'customer',
            template: 'payment expired',
            subject: 'Booking released: {what}',
          },
          to: 'notified_customer_unpaid_by_email',
          optional: true,
        },
        { name: 'finish_timeout', to: 'unpaid' },
      ],
    },
  };
}

export const paymentStates: Record<string, StateDefinition> = {
  tentative: {
    description: 'Waiting for payment; what was booked is held until the payment window ends.',
    holds: true,
    timeout: { action: 'timeout', setting: 'payment_window', default: '5 minutes' },
  },
  paid: { description: 'Paid and booked.', holds: true },
  unpaid: { description: 'Not paid in time; released.', final: true, outcome: 'expired' },
};

export const requestPayment = (): StepDefinition[] => [
  {
    name: 'send_payment_request_email_to_customer',
    effect: {
      type: 'email',
      to: 'customer',
      template: 'payment request',
      subject: 'Complete your payment: {what}',
    },
    to: 'notified_customer_payment_required',
    optional: true,
  },
  { name: 'await_payment', to: 'tentative' },
];
