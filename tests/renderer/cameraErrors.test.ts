import { describe, expect, it } from 'vitest'
import { describeCameraProblem } from '../../renderer/src/sources/cameraErrors'

const secure = { isSecureContext: true, hasMediaDevices: true }
const problem = (name: string) => describeCameraProblem({ name, message: 'browser text' }, secure)

describe('camera failures in words, with what to do', () => {
  it('names permission, missing, busy and vanished cameras', () => {
    expect(problem('NotAllowedError').title).toBe('Camera permission was denied')
    expect(problem('NotAllowedError').hint).toMatch(/Allow the camera/)
    expect(problem('NotFoundError').title).toBe('No camera found')
    expect(problem('NotReadableError').hint).toMatch(/Close other apps/)
    expect(problem('OverconstrainedError').hint).toMatch(/Pick another camera/)
    expect(problem('SomethingNew').title).toBe('Could not start the camera')
  })

  it('explains that plain-http pages from another machine get no camera', () => {
    const insecure = describeCameraProblem(new Error('x'), {
      isSecureContext: false,
      hasMediaDevices: false,
    })
    expect(insecure.title).toMatch(/only on secure pages/)
    expect(insecure.hint).toMatch(/localhost.*ssh -L/)
    const old = describeCameraProblem(new Error('x'), {
      isSecureContext: true,
      hasMediaDevices: false,
    })
    expect(old.title).toMatch(/no camera access/)
  })
})
