import { describe, expect, it } from 'vitest'
import { fromWorkerError, toWorkerError } from '../../main/workers/workerErrors'
import { workerErrorSchema } from '../../main/workers/contract/workerTasks'
import { SourceError } from '../../main/sources/SourceError'
import { SceneInputError } from '../../main/engine/errors'
import { CalibrationInputError } from '../../main/engine/depth/calibrationError'
import { ModelError } from '../../main/inference/ModelError'
import { ModelMissingError } from '../../main/models/errors'
import { isUserError, UserError, userFacingMessage } from '../../main/app/userError'
import { z } from 'zod'

// An error thrown in the scene worker arrives on the host as the same class with the same message
// (and code), after the trip through structured clone and the contract's error schema.

function acrossTheBoundary(error: unknown): Error {
  return fromWorkerError(workerErrorSchema.parse(structuredClone(toWorkerError(error))))
}

describe('worker errors', () => {
  it('keeps the class and message of each user error', () => {
    const cases: [Error, new (...args: never[]) => Error][] = [
      [new SourceError('shelf.png is not a PNG', { file: 'shelf.png' }), SourceError],
      [new SceneInputError('no valid depth inside the region'), SceneInputError],
      [new CalibrationInputError('pick two pixels with depth'), CalibrationInputError],
      [new UserError('bad'), UserError],
    ]
    for (const [thrown, type] of cases) {
      const received = acrossTheBoundary(thrown)
      expect(received).toBeInstanceOf(type)
      expect(received.message).toBe(thrown.message)
      expect(isUserError(received)).toBe(true)
    }
  })

  it('keeps a model error whole (kind, problem, fix)', () => {
    const thrown = new ModelError({
      kind: 'missing',
      problem: 'model nanodet-m is not installed',
      fix: 'run `npx spatial-lens models download nanodet-m`',
      modelPath: '/models/nanodet.onnx',
    })
    const received = acrossTheBoundary(thrown)
    expect(received).toBeInstanceOf(ModelError)
    expect((received as ModelError).toData()).toEqual(thrown.toData())
    expect(received.message).toBe(
      'model nanodet-m is not installed: run `npx spatial-lens models download nanodet-m`',
    )
  })

  it('keeps the stable code of a coded user error', () => {
    const received = acrossTheBoundary(
      new ModelMissingError('vilt-vsr', 'vilt-vsr is not installed'),
    )
    expect(received).toBeInstanceOf(UserError)
    expect((received as UserError).code).toBe('MODEL_MISSING')
    expect(received.message).toBe('vilt-vsr is not installed')
  })

  it('a ZodError thrown inside a task is our own schema rejecting our data: internal, the field named', () => {
    // (A request that fails its task's schema is turned into a UserError by the dispatcher: taskDispatcher.test.ts.)
    const zodError = z.object({ caption: z.string() }).safeParse({ caption: 3 }).error
    const received = acrossTheBoundary(zodError)
    expect(isUserError(received)).toBe(false)
    expect(userFacingMessage(received)).toMatch(/^unexpected error: invalid caption: /)
  })

  it('an unexpected error crosses bare, as a plain internal Error, and is marked once by the host', () => {
    const received = acrossTheBoundary(
      new RangeError('Invalid typed array length: 3e10\n    at parsePcd'),
    )
    expect(received.constructor).toBe(Error)
    expect(isUserError(received)).toBe(false)
    expect(userFacingMessage(received)).toBe('unexpected error: Invalid typed array length: 3e10')
  })
})
