import { describe, expect, it } from 'vitest'
import { buildFileBridge } from '../../preload/fileBridge'

// window.spatialFiles: Electron's webUtils.getPathForFile (faked) behind a bridge that asks it only
// about real Files and never hands the page anything but a string.

const onDisk = new File([new Uint8Array([1, 2, 3])], 'run.mcap')

describe('buildFileBridge (the preload side)', () => {
  it('asks Electron only for real Files; anything else has no path', () => {
    const asked: unknown[] = []
    const files = buildFileBridge((file) => {
      asked.push(file)
      return '/x.mcap'
    })
    expect(files.pathForFile(onDisk)).toBe('/x.mcap')
    expect(files.pathForFile(new Blob(['no name']))).toBe('')
    expect(files.pathForFile({ name: 'forged.mcap' } as unknown as Blob)).toBe('')
    expect(asked).toEqual([onDisk])
    expect(Object.isFrozen(files)).toBe(true)
  })

  it('turns a non-string answer into no path', () => {
    const files = buildFileBridge(() => undefined as unknown as string)
    expect(files.pathForFile(onDisk)).toBe('')
  })
})
