import { describe, expect, it } from 'vitest'
import { encode } from 'fast-png'
import { loadFrameInput } from '../../main/frames/frameLoader'
import { frameInputSchema } from '../../main/contract/channels'
import { SourceError } from '../../main/sources/SourceError'

const K = { width: 4, height: 3, fx: 5, fy: 5, cx: 1.5, cy: 1 }
const colour = (width: number, height: number) =>
  encode({
    width,
    height,
    data: new Uint8Array(width * height * 3).fill(120),
    channels: 3,
    depth: 8,
  })
const depth = (width: number, height: number) =>
  encode({
    width,
    height,
    data: new Uint16Array(width * height).fill(1000),
    channels: 1,
    depth: 16,
  })

async function loadError(input: unknown): Promise<SourceError> {
  const error = await loadFrameInput(frameInputSchema.parse(input)).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SourceError)
  return error as SourceError
}

describe('frame loading names the file that failed', () => {
  it('a depth image of the wrong size is reported against the depth file, not the colour file', async () => {
    const error = await loadError({
      kind: 'rgbd',
      name: 'frame_0001_rgb.png',
      colorFile: colour(4, 3),
      depthFile: depth(2, 2),
      depthName: 'frame_0001_depth.png',
      intrinsics: K,
    })
    expect(error.file).toBe('frame_0001_depth.png')
    expect(error.message).toMatch(
      /^depth image frame_0001_depth\.png is 2×2 but colour image frame_0001_rgb\.png/,
    )
  })

  it('a colour image that does not match the intrinsics names the intrinsics file', async () => {
    const error = await loadError({
      kind: 'rgbd',
      name: 'wide.png',
      colorFile: colour(6, 3),
      intrinsics: K,
      intrinsicsName: 'K_640.json',
    })
    expect(error.file).toBe('wide.png (colour)')
    expect(error.message).toContain('intrinsics K_640.json are for 4×3')
  })

  it("without the depth file's name, the message does not pass the colour file off as the depth file", async () => {
    const error = await loadError({
      kind: 'rgbd',
      name: 'rgb.png',
      colorFile: colour(4, 3),
      depthFile: depth(2, 2),
      intrinsics: K,
    })
    expect(error.message).toMatch(/^depth image \(sent with rgb\.png\) is 2×2/)
    expect(error.file).not.toBe('rgb.png (depth)')
  })
})
