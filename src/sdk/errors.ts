import type * as z from 'zod/mini';
import type { ApiErrorCode, FieldIssue } from '../schemas/error.ts';

/**
 * Every failure the client reports. The UI switches on `code` (not on `instanceof`, which fails
 * when a page loads two copies of the widget); `endpoint` is the route template, so it is safe
 * to log without ids or tokens.
 */
export type SlotkitErrorCode =
  ApiErrorCode | 'http_error' | 'network_error' | 'timeout' | 'aborted' | 'invalid_response';

export class SlotkitError extends Error {
  override name = 'SlotkitError';

  constructor(
    readonly code: SlotkitErrorCode,
    readonly endpoint: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server answered with an error status: its code, message and per-field details. */
export class SlotkitApiError extends SlotkitError {
  override name = 'SlotkitApiError';

  constructor(
    endpoint: string,
    readonly status: number,
    code: SlotkitErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
    /** Seconds to wait before trying again (429 with Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(code, endpoint, message);
  }
}

/** No answer: offline, DNS, CORS, connection reset. Retried for reads before it is reported. */
export class SlotkitNetworkError extends SlotkitError {
  override name = 'SlotkitNetworkError';

  constructor(endpoint: string, cause: unknown) {
    super('network_error', endpoint, `${endpoint}: the network request failed`, { cause });
  }
}

/** The call took longer than `timeoutMs` in all, retries included. */
export class SlotkitTimeoutError extends SlotkitError {
  override name = 'SlotkitTimeoutError';

  constructor(
    endpoint: string,
    readonly timeoutMs: number,
  ) {
    super('timeout', endpoint, `${endpoint}: no answer within ${timeoutMs} ms`);
  }
}

/** The caller's own signal aborted the call: nothing to show, nothing to retry. */
export class SlotkitAbortError extends SlotkitError {
  override name = 'SlotkitAbortError';

  constructor(endpoint: string, cause: unknown) {
    super('aborted', endpoint, `${endpoint}: aborted`, { cause });
  }
}

/** A success response that is not the shape the widget relies on. */
export class SlotkitSchemaError extends SlotkitError {
  override name = 'SlotkitSchemaError';

  constructor(
    endpoint: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ');
    super('invalid_response', endpoint, `${endpoint}: unexpected response (${summary})`);
  }
}
