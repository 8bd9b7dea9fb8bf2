import type { SlotkitClient } from '../sdk/index.ts';
import type {
  AvailableSlot,
  Booking,
  BookingLocation,
  EmbedConfig,
  Price,
} from '../schemas/index.ts';
import type { CustomerValues } from './state.ts';
import type { ForwardSetting } from './forward.ts';

/** What the flow needs to know before it starts: the element's settings, already checked. */
export interface FlowOptions {
  client: SlotkitClient;
  projectId?: string;
  resources?: string[];
  graph?: string;
  /** The visitor's zone; detected (Intl's first, slow use) while the project's config travels. */
  timeZone?: string;
  /** Form fields; undefined leaves them to the project's config. */
  customerFields?: unknown;
  availability?: Record<string, unknown>;
  /** Load the project's embed config and merge it under these settings. */
  remoteConfig: boolean;
  /** Manage this booking (with its token) instead of booking a new one. */
  bookingId?: string;
  customerToken?: string;
  /** The booking came from a manage link: one that opens nothing says so and starts as usual. */
  manageFromLink?: boolean;
  /** Open on this seat hold (a waitlist offer's link) instead of the chooser. */
  holdId?: string;
  what?: string;
  /** The form's starting values (the host's prefill): seeded into every new booking's form. */
  prefill?: CustomerValues;
  /** Sent with the booking as `custom_data`: the host page's campaign parameters. */
  customData?: Record<string, string>;
  /**
   * Or the page's query and the `forward-query-params` setting they are picked by (forward.ts),
   * when the visitor books: the first paint carries none of that work.
   */
  forward?: { search: string; setting: ForwardSetting };
}

/** The configuration in force: the element's settings over the project's. */
export interface FlowSettings {
  graph: string;
  projectId?: string;
  resources?: string[];
  customerFields?: unknown;
  availability: Record<string, unknown>;
  what: string;
  /** What the summary says about the service (the project's embed config). */
  about: About;
}

/** The service as the visitor's summary describes it; each piece only when the project says. */
export interface About {
  name?: string;
  description?: string;
  /** Minutes. */
  duration?: number;
  price?: Price;
  location?: BookingLocation;
  /** The host or resource, when the project has one. */
  host?: string;
}

/** The hook a real payment provider plugs into; the default is the sandbox's test payment. */
export interface PaymentHandler {
  label?: string;
  /** Takes the payment; what it returns is passed to the `pay` action as its input. */
  pay(booking: Booking): Promise<Record<string, unknown>>;
}

export const testPayment: PaymentHandler = {
  pay: async (booking) => ({ reference: `test_${booking.id.slice(0, 8)}`, provider: 'test' }),
};

/** What the summary says about the service, from the project's embed config. */
export function aboutOf(config: EmbedConfig | undefined): About {
  if (!config) return {};
  const host = config.resource_details?.length === 1 ? config.resource_details[0]?.name : undefined;
  return {
    name: config.name,
    ...(config.description ? { description: config.description } : {}),
    ...(config.duration ? { duration: config.duration } : {}),
    ...(config.price ? { price: config.price } : {}),
    ...(config.location ? { location: config.location } : {}),
    ...(host ? { host } : {}),
  };
}

/** The resource a slot is with (a slot always names one; the API refuses a hold without). */
export const resourceOf = (slot: AvailableSlot): string | undefined => slot.resources[0]?.id;
