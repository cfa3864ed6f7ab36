import { describe, expect, it } from 'vitest'
import { pickedRecording } from '../../../renderer/src/sources/recordingPicker'
import { buildFileBridge } from '../../../preload/fileBridge'
import type { FileBridge } from '../../../main/contract/fileBridge'

// The desktop recording picker: a File from the file input → its path on disk (Electron's
// webUtils.getPathForFile behind the preload's bridge, faked here by a table of known files).

const onDisk = new File([new Uint8Array([1, 2, 3])], 'run.mcap')
const fromPage = new File([new Uint8Array([4])], 'made-in-page.mcap')
const paths = new Map<File, string>([
  [onDisk, '/data/robots/run 1.mcap'],
  [fromPage, ''],
])
const bridge = buildFileBridge((file) => paths.get(file) ?? '')

describe('pickedRecording', () => {
  it("gives the picked file's path on disk, spaces kept", () => {
    expect(pickedRecording([onDisk], bridge)).toEqual({ path: '/data/robots/run 1.mcap' })
  })

  it('takes the first file when several come', () => {
    expect(pickedRecording([onDisk, fromPage], bridge)).toEqual({ path: '/data/robots/run 1.mcap' })
  })

  it('gives nothing when the dialog was cancelled (no file)', () => {
    expect(pickedRecording([], bridge)).toBeNull()
    expect(pickedRecording(null, bridge)).toBeNull()
  })

  it('says so when the file has no path on this computer', () => {
    expect(pickedRecording([fromPage], bridge)).toEqual({
      error:
        'made-in-page.mcap has no path on this computer (pick it from a folder, or type its path)',
    })
  })

  it('treats a blank path like no path', () => {
    const blank: FileBridge = { pathForFile: () => '   ' }
    expect(pickedRecording([onDisk], blank)).toHaveProperty('error')
  })
})
