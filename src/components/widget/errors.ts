import type { Messages } from '../../i18n/index.ts';
import type { SlotkitProblem } from '../../events.ts';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

export interface Problem extends SlotkitProblem {
  details?: Array<{ path: string; message: string }>;
}

/**
 * The SDK's errors as data: switch on `code`, not on `instanceof` (a page may hold two copies of
 * the widget, each with its own error classes).
 */
export function problemOf(error: unknown): Problem {
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = typeof like.code === 'string' ? like.code : 'unknown';
  const message = typeof like.message === 'string' ? like.message : String(error);
  const details = Array.isArray(like.details) ? (like.details as Problem['details']) : undefined;
  return { code, message, ...(details?.length ? { details } : {}) };
}

/** What to tell the visitor: what happened and what to do. */
export function describeError(error: unknown, t: Messages): string {
  const problem = problemOf(error);
  switch (problem.code) {
    case 'network_error':
      return t.common.networkError;
    case 'timeout':
      return t.common.timeoutError;
    case 'aborted':
      return '';
    case 'unknown':
    case 'invalid_response':
    case 'http_error':
    case 'internal_error':
      return t.common.unknownError;
    default:
      // The API's own messages are written for people ("Only 2 seats left...").
      return problem.message || t.common.unknownError;
  }
}
