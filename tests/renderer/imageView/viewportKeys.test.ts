import { describe, expect, it } from 'vitest'
import { viewportKeyAction } from '../../../renderer/src/imageView/viewportKeys'

const plain = { ctrlKey: false, metaKey: false, altKey: false }

describe('viewportKeyAction', () => {
  it('zooms in with + or = and out with −, by 1.25', () => {
    expect(viewportKeyAction('+', plain)).toEqual({ kind: 'zoom', factor: 1.25 })
    expect(viewportKeyAction('=', plain)).toEqual({ kind: 'zoom', factor: 1.25 })
    expect(viewportKeyAction('-', plain)).toEqual({ kind: 'zoom', factor: 0.8 })
  })

  it('fits with 0 and moves the image 60 px against the arrow', () => {
    expect(viewportKeyAction('0', plain)).toEqual({ kind: 'fit' })
    expect(viewportKeyAction('ArrowLeft', plain)).toEqual({ kind: 'pan', byInView: [60, 0] })
    expect(viewportKeyAction('ArrowRight', plain)).toEqual({ kind: 'pan', byInView: [-60, 0] })
    expect(viewportKeyAction('ArrowUp', plain)).toEqual({ kind: 'pan', byInView: [0, 60] })
    expect(viewportKeyAction('ArrowDown', plain)).toEqual({ kind: 'pan', byInView: [0, -60] })
  })

  it('leaves other keys and modified keys to the browser', () => {
    expect(viewportKeyAction('a', plain)).toBeNull()
    expect(viewportKeyAction('constructor', plain)).toBeNull()
    expect(viewportKeyAction('+', { ...plain, ctrlKey: true })).toBeNull()
    expect(viewportKeyAction('0', { ...plain, metaKey: true })).toBeNull()
    expect(viewportKeyAction('ArrowUp', { ...plain, altKey: true })).toBeNull()
  })
})
