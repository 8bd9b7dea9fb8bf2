import type { Messages } from '../../i18n/index.ts';
import { problemOf } from '../../flow/index.ts';

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
