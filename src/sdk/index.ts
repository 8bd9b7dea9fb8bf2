// The SDK's public surface. Side-effect free: nothing runs until createClient is called.
export { createClient } from './client.ts';
export type { CallOptions, ClientOptions, SlotkitClient, TokenOptions } from './client.ts';
export {
  SlotkitAbortError,
  SlotkitApiError,
  SlotkitError,
  SlotkitNetworkError,
  SlotkitSchemaError,
  SlotkitTimeoutError,
} from './errors.ts';
export type { SlotkitErrorCode } from './errors.ts';
export type {
  ActionBody,
  AvailabilityRequest,
  AvailableDate,
  AvailableSlot,
  Booking,
  BookingLocation,
  BookingInclude,
  BookingSummary,
  CreateBookingRequest,
  CustomerAction,
  EmbedConfig,
  FieldIssue,
  GraphDefinition,
  Group,
  GroupsQuery,
  Hold,
  LogEntry,
  Price,
  RescheduleRequest,
  ReserveRequest,
  Resource,
  JoinWaitlistRequest,
  WaitlistEntry,
} from '../schemas/index.ts';
