import type { GraphDefinition } from './types.ts';
import { instant } from './instant.ts';
import { confirmDecline } from './confirm-decline.ts';
import { instantPayment } from './instant-payment.ts';
import { groupOwner } from './group-owner.ts';
import { groupCustomer } from './group-customer.ts';
import { groupCustomerPayment } from './group-customer-payment.ts';

export type * from './types.ts';

/** Every graph the engine runs, by name. Adding one here is all a new graph takes. */
export const builtInGraphs: readonly GraphDefinition[] = [
  instant,
  confirmDecline,
  instantPayment,
  groupOwner,
  groupCustomer,
  groupCustomerPayment,
];
