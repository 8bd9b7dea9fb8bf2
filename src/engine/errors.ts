export type EngineErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'graph_not_allowed'
  | 'field_not_allowed'
  | 'verification_locked'
  | 'not_found'
  | 'validation_failed'
  | 'invalid_action'
  | 'slot_unavailable'
  | 'sold_out'
  | 'booking_window'
  | 'hold_expired'
  | 'conflict'
  | 'rate_limited';

const STATUS: Record<EngineErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  graph_not_allowed: 403,
  field_not_allowed: 403,
  // 423 Locked: the booking's verification takes no more codes.
  verification_locked: 423,
  not_found: 404,
  validation_failed: 422,
  invalid_action: 422,
  slot_unavailable: 409,
  sold_out: 409,
  booking_window: 422,
  hold_expired: 410,
  conflict: 409,
  rate_limited: 429,
};

export interface FieldIssue {
  path: string;
  message: string;
}

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
    this.status = STATUS[code];
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
