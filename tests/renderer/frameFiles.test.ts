import { describe, expect, it } from 'vitest'
import type { FrameInput } from '../../main/contract/channels'

// Loaded by a path the type checker does not follow: the module also uses DOM form types (FormDataEntryValue) that
// the tests' Node tsconfig does not load (the web tsconfig checks the module itself).
const FRAME_FILES = '../../renderer/src/state/frameFiles'
interface PickedFiles {
  color: File
  depth: File | null
  intrinsics: File
  depthScale: number | null
}
const { rgbdFrameFromFiles } = (await import(FRAME_FILES)) as {
  rgbdFrameFromFiles: (files: PickedFiles) => Promise<FrameInput>
}

const K = '{"width": 4, "height": 3, "fx": 5, "fy": 5, "cx": 1.5, "cy": 1}'

describe('rgbdFrameFromFiles', () => {
  it("sends each picked file's own name, so service errors can name the file that failed", async () => {
    const frame = await rgbdFrameFromFiles({
      color: new File([new Uint8Array([1])], 'shot_rgb.png'),
      depth: new File([new Uint8Array([2])], 'shot_depth.png'),
      intrinsics: new File([K], 'camera.json'),
      depthScale: null,
    })
    expect(frame).toMatchObject({
      kind: 'rgbd',
      name: 'shot_rgb.png',
      depthName: 'shot_depth.png',
      intrinsicsName: 'camera.json',
    })
  })

  it('sends no depth name for a colour-only frame', async () => {
    const frame = await rgbdFrameFromFiles({
      color: new File([new Uint8Array([1])], 'shot_rgb.png'),
      depth: null,
      intrinsics: new File([K], 'camera.json'),
      depthScale: null,
    })
    expect(frame).not.toHaveProperty('depthName')
    expect(frame).not.toHaveProperty('depthFile')
  })
})
