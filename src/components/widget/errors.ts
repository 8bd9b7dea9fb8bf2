import type { Messages } from '../../i18n/index.ts';
import { problemOf } from '../../flow/index.ts';

/**
 * What to tell the visitor: what happened and what to do, from the error's code alone. The
 * server's own message is for the host page (`slotkit-error`, `slotkit-booking-failed`), never
 * shown: it may be English, technical, or name an engine state.
 */
export function describeError(error: unknown, t: Messages): string {
  const problem = problemOf(error);
  const c = t.common;
  switch (problem.code) {
    case 'aborted':
      return '';
    case 'network_error':
      return c.networkError;
    case 'timeout':
      return c.timeoutError;
    case 'slot_unavailable':
    case 'booking_window':
    case 'hold_expired':
      return c.slotGone;
    case 'sold_out':
      return t.widget.classFull;
    case 'not_found':
      return c.notFound;
    case 'invalid_action':
    case 'forbidden':
    case 'conflict':
      return c.notAllowed;
    case 'rate_limited':
      return c.tooManyRequests;
    case 'validation_failed':
      return c.checkDetails;
    case 'verification_failed':
    case 'invalid_code':
      return c.wrongCode;
    default:
      return c.unknownError;
  }
}

/** Whether asking again can help (a refusal for cause will not change on a retry). */
export const retryHelps = (code: string): boolean =>
  ['network_error', 'timeout', 'rate_limited', 'http_error', 'internal_error', 'unknown'].includes(
    code,
  );
