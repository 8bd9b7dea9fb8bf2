/**
 * The response schemas of the steps after choosing (holds, bookings, the waitlist) and of the
 * owner's reads (graphs): loaded by the client (client.ts) with the first call that needs one,
 * so the script tag's first paint validates its first responses (config, availability, classes)
 * without carrying the rest.
 */
import * as z from 'zod/mini';
import { graphDefinition } from '../schemas/graph.ts';

export { booking } from '../schemas/booking.ts';
export { hold } from '../schemas/hold.ts';
export { waitlistEntry } from '../schemas/waitlist.ts';
export { graphDefinition };
export const graphDefinitions = z.array(graphDefinition);
