import { ERROR_STATUS, type FieldIssue, type KnownErrorCode } from '../schemas/error.ts';

export type EngineErrorCode = KnownErrorCode;
export type { FieldIssue };

/** Every refusal of the engine: a code the API maps to HTTP, a message a person can act on. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly status: number;

  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toJSON() {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/**
 * An EngineError without a stack trace, for the refusals visitors cause as a matter of course
 * (a sold-out class, a taken time): an answer, not a fault, so nobody reads where it was thrown,
 * and capturing the stack cost about 5 µs of a 50 µs sign-up. Otherwise the same error:
 * `instanceof EngineError`, code, status, message, details and JSON.
 */
export function refusal(
  code: EngineErrorCode,
  message: string,
  details?: FieldIssue[],
): EngineError {
  const limit = v8Error.stackTraceLimit;
  v8Error.stackTraceLimit = 0;
  try {
    return new EngineError(code, message, details);
  } finally {
    v8Error.stackTraceLimit = limit;
  }
}

/** `stackTraceLimit` is V8's (and JavaScriptCore's); elsewhere setting it is harmless. The engine
 * also runs in browsers, so its published types do not assume Node's. */
const v8Error = Error as ErrorConstructor & { stackTraceLimit?: number };

export function invalid(path: string, message: string): EngineError {
  return new EngineError('validation_failed', `${path}: ${message}`, [{ path, message }]);
}

/**
 * An unknown id, and equally an id of another project: the two must answer alike, so a widget
 * key cannot tell "exists elsewhere" from "does not exist". `path` names the request field.
 */
export function notFound(kind: string, id: string, path?: string): EngineError {
  return new EngineError(
    'not_found',
    `No ${kind} with id "${id}"`,
    path === undefined ? undefined : [{ path, message: `unknown ${kind}` }],
  );
}
