/**
 * The visitor's booking journey as a typed state machine over the SDK: no DOM, no Lit.
 * `<slotkit-widget>` renders its state and forwards the visitor's intents to it.
 */
export { BookingFlow } from './flow.ts';
export {
  testPayment,
  type FlowOptions,
  type About,
  type FlowSettings,
  type PaymentHandler,
} from './settings.ts';
export { forwardedParams, type ForwardSetting } from './forward.ts';
export { prefillProblem, prefillValues } from './prefill.ts';
export { problemOf, type Problem } from './problem.ts';
export type * from './state.ts';
export {
  BOOKABLE_GRAPHS,
  GROUP_GRAPHS,
  ONE_TO_ONE_GRAPHS,
  PAYMENT_GRAPHS,
  flowFor,
  type FlowKind,
} from './graphs.ts';
export { outcomeOf, isLive, type Outcome } from './outcome.ts';
