import { describe, expect, it } from 'vitest'
import { modelActionsOf } from '../../../renderer/src/components/modelActions'

describe('modelActionsOf', () => {
  it('offers Download for a missing download model, nothing else without files', () => {
    expect(modelActionsOf({ install: 'download', state: 'missing', bytesOnDisk: 0 })).toEqual({
      download: 'Download',
      canVerify: false,
      canRemove: false,
    })
  })

  it('resumes a partial download and downloads a damaged model again, with Verify and Remove', () => {
    expect(modelActionsOf({ install: 'download', state: 'partial', bytesOnDisk: 10 })).toEqual({
      download: 'Resume download',
      canVerify: true,
      canRemove: true,
    })
    expect(
      modelActionsOf({ install: 'download', state: 'damaged', bytesOnDisk: 10 }).download,
    ).toBe('Download again')
  })

  it('offers Verify and Remove for an installed model, never Download', () => {
    expect(modelActionsOf({ install: 'download', state: 'installed', bytesOnDisk: 0 })).toEqual({
      download: null,
      canVerify: true,
      canRemove: true,
    })
  })

  it('verifies built-in and manual models always, and never removes a built-in one', () => {
    expect(modelActionsOf({ install: 'builtin', state: 'built-in', bytesOnDisk: 5 })).toEqual({
      download: null,
      canVerify: true,
      canRemove: false,
    })
    expect(modelActionsOf({ install: 'manual', state: 'missing', bytesOnDisk: 0 })).toEqual({
      download: null,
      canVerify: true,
      canRemove: false,
    })
  })
})
