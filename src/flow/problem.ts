import type { FieldIssue } from '../schemas/index.ts';

/** What went wrong, as data: a code to switch on and the API's (or the SDK's) message. */
export interface Problem {
  code: string;
  message: string;
  details?: FieldIssue[];
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

/**
 * The SDK's errors as data: switch on `code`, not on `instanceof` (a page may hold two copies of
 * the widget, each with its own error classes).
 */
export function problemOf(error: unknown): Problem {
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = typeof like.code === 'string' ? like.code : 'unknown';
  const message = typeof like.message === 'string' ? like.message : String(error);
  const details = Array.isArray(like.details) ? (like.details as FieldIssue[]) : undefined;
  return { code, message, ...(details?.length ? { details } : {}) };
}
