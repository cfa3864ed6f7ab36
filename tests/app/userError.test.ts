import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  errorForReply,
  isUserError,
  userErrorCode,
  userFacingMessage,
  UserError,
} from '../../main/app/userError'
import { SourceError } from '../../main/sources/SourceError'
import { ModelError } from '../../main/inference/ModelError'
import { LlmSpecError } from '../../main/reasoning/connectors/llmSpec'
import { LlmConfigError } from '../../main/reasoning/connectors/llmConfigError'
import { ModelMissingError } from '../../main/models/errors'
import { SceneInputError } from '../../main/engine/errors'
import { CalibrationInputError } from '../../main/engine/depth/calibrationError'

// What crosses the scene worker's boundary for an error, and how the host shows it: an unexpected
// error is marked "unexpected error:" once (it was marked in the worker and again in the host).

describe('errorForReply → the host', () => {
  it('an unexpected error crosses bare and is marked once on the other side', () => {
    const reply = errorForReply(new RangeError('Invalid typed array length: 3e10\n    at parsePcd'))
    expect(reply).toEqual({
      message: 'Invalid typed array length: 3e10',
      isUserError: false,
      code: undefined,
    })
    // The executor rebuilds a plain Error from it; the service formats it for the user.
    expect(userFacingMessage(new Error(reply.message))).toBe(
      'unexpected error: Invalid typed array length: 3e10',
    )
  })

  it('a user error crosses as the user sees it', () => {
    expect(errorForReply(new SourceError('huge.pcd declares 10 points'))).toEqual({
      message: 'huge.pcd declares 10 points',
      isUserError: true,
      code: undefined,
    })
    expect(errorForReply(new UserError('bad')).isUserError).toBe(true)
  })
})

describe('isUserError: by class, not by name', () => {
  it('every user-error class of the app is a UserError', () => {
    const errors = [
      new SourceError('bad file'),
      new ModelError({ kind: 'missing', problem: 'model x is not installed', fix: 'download it' }),
      new LlmSpecError('bogus', 'unknown provider'),
      new LlmConfigError('no key'),
      new ModelMissingError('x', 'model x is missing'),
    ]
    for (const error of errors) {
      expect(error, error.constructor.name).toBeInstanceOf(UserError)
      expect(isUserError(error), error.constructor.name).toBe(true)
    }
  })

  it("the engine's input errors count as the user's", () => {
    expect(isUserError(new SceneInputError('no valid depth'))).toBe(true)
    expect(isUserError(new CalibrationInputError('too few pixels'))).toBe(true)
  })

  it('an error merely named "UserError" is not one (no name-string matching)', () => {
    const impostor = new Error('boom')
    impostor.name = 'UserError'
    expect(isUserError(impostor)).toBe(false)
    expect(userFacingMessage(impostor)).toBe('unexpected error: boom')
  })

  it("a ZodError is our schema rejecting our own data: unexpected, not the user's mistake", () => {
    const parsed = z.object({ valueM: z.number() }).safeParse({ valueM: 'far' })
    expect(parsed.success).toBe(false)
    const error = parsed.error!
    expect(isUserError(error)).toBe(false)
    expect(userFacingMessage(error)).toBe(
      'unexpected error: invalid valueM: Invalid input: expected number, received string',
    )
    expect(errorForReply(error)).toEqual({
      message: 'invalid valueM: Invalid input: expected number, received string',
      isUserError: false,
      code: undefined,
    })
  })

  it('a code travels with a user error and only with one', () => {
    expect(userErrorCode(new UserError('no depth model', { code: 'DEPTH_MODEL_MISSING' }))).toBe(
      'DEPTH_MODEL_MISSING',
    )
    expect(userErrorCode(new ModelMissingError('x', 'missing'))).toBe('MODEL_MISSING')
    expect(userErrorCode(new UserError('plain'))).toBeUndefined()
    expect(userErrorCode(Object.assign(new Error('bug'), { code: 'ENOENT' }))).toBeUndefined()
    expect(errorForReply(new UserError('no depth model', { code: 'DEPTH_MODEL_MISSING' }))).toEqual(
      { message: 'no depth model', isUserError: true, code: 'DEPTH_MODEL_MISSING' },
    )
  })
})
