import { ZodError } from 'zod'
import { SceneInputError } from '../engine/errors'
import { SourceError } from '../sources/SourceError'
import { ModelError } from '../inference/ModelError'

/** Errors caused by what the user gave us: shown as-is, never with a stack. */
export function isUserError(error: unknown): boolean {
  return (
    error instanceof SourceError ||
    error instanceof SceneInputError ||
    error instanceof ZodError ||
    error instanceof ModelError ||
    (error instanceof Error &&
      (error.name === 'UserError' ||
        error.name === 'LlmSpecError' ||
        error.name === 'LlmConfigError' ||
        error.name === 'ModelError' ||
        error.name === 'CalibrationInputError'))
  )
}

/** An error about the user's input raised outside the sources and the engine (CLI arguments, …). */
export class UserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}

/** A user error an app reacts to by itself: `code` is stable (the contract's ERROR_CODES). */
export class CodedUserError extends UserError {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

/**
 * The stable code of a user error (CodedUserError, or the model store's MODEL_MISSING, …), to send
 * along with its message; undefined for any other error.
 */
export function userErrorCode(error: unknown): string | undefined {
  if (!isUserError(error)) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** One line for the user: their mistake as-is, anything else marked as unexpected. */
export function userFacingMessage(error: unknown): string {
  if (error instanceof ZodError) {
    const issue = error.issues[0]
    return `invalid ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'malformed'}`
  }
  const message = error instanceof Error ? error.message : String(error)
  return isUserError(error) ? message : `unexpected error: ${message.split('\n')[0]}`
}

/**
 * What crosses a thread boundary for an error: the user-facing line of a user error, the bare first
 * line of any other (the receiving side marks it as unexpected once, not twice).
 */
export function errorForReply(error: unknown): {
  message: string
  isUserError: boolean
  code?: string
} {
  const isUser = isUserError(error)
  const message = isUser
    ? userFacingMessage(error)
    : (error instanceof Error ? error.message : String(error)).split('\n')[0]
  return { message, isUserError: isUser, code: userErrorCode(error) }
}
