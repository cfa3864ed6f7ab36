/**
 * A call the service refused: `message` is its user-facing line; `code`, when set, is one of the
 * contract's ERROR_CODES, for the failures the app handles by itself (never match on the wording).
 */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

/** The contract error code of anything thrown by a client call, or undefined. */
export function serviceErrorCode(error: unknown): string | undefined {
  return error instanceof ServiceError ? error.code : undefined
}
