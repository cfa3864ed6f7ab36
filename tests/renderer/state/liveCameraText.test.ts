import { describe, expect, it } from 'vitest'
import { cameraStartError, twoDimensionalNotice } from '../../../renderer/src/state/liveCameraText'

describe('twoDimensionalNotice', () => {
  it('names the install command the service gave', () => {
    const error = new Error(
      'No depth model is installed. Install one with `npx spatial-lens models download depth-anything-v2-small` and retry.',
    )
    expect(twoDimensionalNotice(error)).toBe(
      'No depth model installed: showing 2D only. Install one with `npx spatial-lens models download depth-anything-v2-small`, then start the webcam again.',
    )
  })

  it('falls back to a generic command when the error names none (or is not an Error)', () => {
    const generic =
      'No depth model installed: showing 2D only. Install one with npx spatial-lens models download <depth model>, then start the webcam again.'
    expect(twoDimensionalNotice(new Error('no depth model'))).toBe(generic)
    expect(twoDimensionalNotice('`npx spatial-lens models download x`')).toBe(generic)
  })
})

describe('cameraStartError', () => {
  it('keeps the browser message and takes title and hint from the camera problem', () => {
    const denied = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })
    const shown = cameraStartError(denied, { isSecureContext: true, hasMediaDevices: true })
    expect(shown.message).toBe('Permission denied')
    expect(shown.offersSample).toBe(false)
    expect(shown.title).toMatch(/camera/i)
  })

  it('explains the missing camera API on a page that is not secure, whatever was thrown', () => {
    const shown = cameraStartError('plain text', { isSecureContext: false, hasMediaDevices: false })
    expect(shown).toEqual({
      title: 'The browser allows the camera only on secure pages',
      message: 'plain text',
      hint: expect.stringContaining('http://localhost'),
      offersSample: false,
    })
  })
})
