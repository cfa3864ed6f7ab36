import { SceneInputError } from '../engine/errors'
import { CalibrationInputError } from '../engine/depth/calibrationError'
import { SourceError } from '../sources/SourceError'
import { ModelError } from '../inference/ModelError'
import {
  describeZodError,
  isUserError,
  userErrorCode,
  userFacingMessage,
  UserError,
} from '../app/userError'
import { ZodError } from 'zod'
import type { WorkerError } from './contract/workerTasks'

/**
 * Errors across the scene-worker boundary: the worker sends `{kind, message, code?}` (see
 * workerErrorSchema) and the host rebuilds the same class, so `instanceof`, `isUserError` and the
 * stable code behave as if the task had run on the host's own thread.
 */

/** The plain-data form of a thrown value, for the reply. */
export function toWorkerError(error: unknown): WorkerError {
  if (!isUserError(error)) {
    // The bare first line: the host marks it as unexpected once, not twice.
    // A ZodError's message is its whole issue list as JSON; its first issue, by field, says what went wrong.
    const text =
      error instanceof ZodError
        ? describeZodError(error)
        : error instanceof Error
          ? error.message
          : String(error)
    return { kind: 'internal', message: text.split('\n')[0] }
  }
  if (error instanceof ModelError)
    return { kind: 'model', message: error.message, model: error.toData() }
  const message = userFacingMessage(error)
  if (error instanceof SourceError) return { kind: 'source', message }
  if (error instanceof SceneInputError) return { kind: 'scene-input', message }
  if (error instanceof CalibrationInputError) return { kind: 'calibration-input', message }
  const code = userErrorCode(error)
  return code === undefined ? { kind: 'user', message } : { kind: 'user', message, code }
}

/** The error the host throws for a worker's failure: the class the worker threw (or its user-error base). */
export function fromWorkerError(wire: WorkerError): Error {
  switch (wire.kind) {
    case 'internal':
      return new Error(wire.message)
    case 'model':
      return wire.model ? new ModelError(wire.model) : new UserError(wire.message)
    case 'source':
      return new SourceError(wire.message)
    case 'scene-input':
      return new SceneInputError(wire.message)
    case 'calibration-input':
      return new CalibrationInputError(wire.message)
    case 'user':
      return new UserError(wire.message, { code: wire.code })
  }
}
