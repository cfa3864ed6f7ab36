import { describe, expect, it } from 'vitest'
import { errorForReply, userFacingMessage, UserError } from '../../main/app/userError'
import { SourceError } from '../../main/sources/SourceError'

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
