/** An error as the banner shows it: what failed, the service's own line, and what to do next. */
export interface UiError {
  title: string
  message: string
  hint: string
  /** Offer "Load sample" as the way out (the failure was about the user's frame or the connection). */
  offersSample: boolean
}

/** Turns anything thrown into a banner entry. */
export function toUiError(error: unknown, context: Omit<UiError, 'message'>): UiError {
  const message = error instanceof Error ? error.message : String(error)
  return { ...context, message: message || 'unknown error' }
}
