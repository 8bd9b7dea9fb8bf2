export * from './common.ts';
export * from './booking.ts';
export * from './hold.ts';
export * from './availability.ts';
export * from './project.ts';
export * from './graph.ts';
export * from './error.ts';
export * from './customer.ts';
export type * from './requests.ts';
