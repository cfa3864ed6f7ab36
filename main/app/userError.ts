import { ZodError } from 'zod'
import { SceneInputError } from '../engine/errors'
import { CalibrationInputError } from '../engine/depth/calibrationError'

/**
 * An error caused by what the user gave us (a file, an argument, a request field, a setting): its
 * message is shown as-is, never with a stack. Every user error outside the engine extends this class
 * (SourceError, ModelError, the model store's and the LLM connectors' errors, …), so recognising one
 * is an `instanceof`, not a list of names.
 *
 * `code` is set on the failures an app reacts to by itself; it is stable (the contract's ERROR_CODES,
 * the model store's MODEL_MISSING, …) and travels with the message in the reply envelope.
 */
export class UserError extends Error {
  readonly code?: string

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'UserError'
    if (options.code !== undefined) this.code = options.code
  }
}

/**
 * Errors caused by what the user gave us. The engine's input errors count too (the pure engine
 * cannot import this folder, so it has its own classes). A ZodError does NOT: every user input is
 * parsed with `safeParse` at a boundary and turned into a message there, so a thrown ZodError is
 * one of our own schemas rejecting our own output, which is a bug.
 */
export function isUserError(error: unknown): error is Error {
  return (
    error instanceof UserError ||
    error instanceof SceneInputError ||
    error instanceof CalibrationInputError
  )
}

/** The stable code of a user error, to send along with its message; undefined for any other error. */
export function userErrorCode(error: unknown): string | undefined {
  return error instanceof UserError ? error.code : undefined
}

/** One line naming the first field a zod schema rejected: "invalid a.b: expected number". */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0]
  return `invalid ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'malformed'}`
}

/** One line for the user: their mistake as-is, anything else (our bugs included) marked as unexpected. */
export function userFacingMessage(error: unknown): string {
  if (isUserError(error)) return error.message
  const message =
    error instanceof ZodError
      ? describeZodError(error)
      : error instanceof Error
        ? error.message
        : String(error)
  return `unexpected error: ${message.split('\n')[0]}`
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
    : (error instanceof ZodError
        ? describeZodError(error)
        : error instanceof Error
          ? error.message
          : String(error)
      ).split('\n')[0]
  return { message, isUserError: isUser, code: userErrorCode(error) }
}
