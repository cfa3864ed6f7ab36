import { describe, expect, it } from 'vitest'
import { rgbdFrameFromFiles } from '../../renderer/src/state/frameFiles'

const K = '{"width": 4, "height": 3, "fx": 5, "fy": 5, "cx": 1.5, "cy": 1}'

describe('rgbdFrameFromFiles', () => {
  it('sends each picked file\'s own name, so service errors can name the file that failed', async () => {
    const frame = await rgbdFrameFromFiles({
      color: new File([new Uint8Array([1])], 'shot_rgb.png'),
      depth: new File([new Uint8Array([2])], 'shot_depth.png'),
      intrinsics: new File([K], 'camera.json'),
      depthScale: null,
    })
    expect(frame).toMatchObject({ kind: 'rgbd', name: 'shot_rgb.png', depthName: 'shot_depth.png', intrinsicsName: 'camera.json' })
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
