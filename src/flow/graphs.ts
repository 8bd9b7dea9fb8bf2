/**
 * The graphs a visitor can book through the widget, and which chooser each starts with. Imports
 * nothing, so parts.ts (which the script tag reads too) can use it without the flow.
 */
export const ONE_TO_ONE_GRAPHS = ['instant', 'confirm_decline', 'instant_payment'] as const;
export const GROUP_GRAPHS = ['group_customer', 'group_customer_payment'] as const;
export const BOOKABLE_GRAPHS: readonly string[] = [...ONE_TO_ONE_GRAPHS, ...GROUP_GRAPHS];
export const PAYMENT_GRAPHS: readonly string[] = ['instant_payment', 'group_customer_payment'];

export type FlowKind = 'one-to-one' | 'group';

/** No graph named yet: a one-to-one booking, the API's default graph (instant). */
export const flowFor = (graph: string | undefined): FlowKind =>
  (GROUP_GRAPHS as readonly (string | undefined)[]).includes(graph) ? 'group' : 'one-to-one';
