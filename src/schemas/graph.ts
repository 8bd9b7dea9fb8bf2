import * as z from 'zod/mini';
import { dict } from './common.ts';

/**
 * A graph as `GET /bookings/graphs` serves it. The widget only asks which states are final and
 * who may take which action from where; everything else (steps, effects, timeouts) is passed
 * through unchecked for the demo to draw, which keeps the schema small.
 */
const loose = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.catchall(z.object(shape), z.unknown());

export const graphState = loose({
  description: z.optional(z.string()),
  holds: z.optional(z.boolean()),
  final: z.optional(z.boolean()),
});
export type GraphState = z.infer<typeof graphState>;

export const graphAction = loose({
  description: z.optional(z.string()),
  from: z.array(z.string()),
  /** anyone | owner | customer | system */
  by: z.string(),
});
export type GraphAction = z.infer<typeof graphAction>;

export const graphDefinition = loose({
  name: z.string(),
  kind: z.string(),
  states: dict(graphState),
  actions: dict(graphAction),
});
export type GraphDefinition = z.infer<typeof graphDefinition>;
