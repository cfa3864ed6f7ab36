import { describe, expect, it } from 'vitest'
import { LatestChannel } from '../../main/live/LatestChannel'
import { FramePairer, scaleIntrinsics } from '../../main/live/framePairer'
import type { DepthImage, Frame, RgbImage } from '../../main/engine/types'

const rgb: RgbImage = { width: 2, height: 1, data: new Uint8Array(6) }
const depth: DepthImage = { width: 2, height: 1, data: new Float32Array(2) }
const frameAt = (t: bigint): Frame => ({
  cameraId: 'c',
  timestampNs: t,
  rgb,
  intrinsics: { width: 2, height: 1, fx: 1, fy: 1, cx: 0.5, cy: 0 },
  depthSource: 'sensor',
})

describe('LatestChannel (latest-frame-wins)', () => {
  it('keeps only the newest frame and counts the replaced ones', async () => {
    const ch = new LatestChannel()
    for (let i = 0; i < 5; i++)
      ch.push({ kind: 'frame', frame: frameAt(BigInt(i)), receivedAtMs: i })
    const e = await ch.next()
    expect(e?.kind === 'frame' && e.frame.timestampNs).toBe(4n)
    expect(ch.dropped).toBe(4)
  })

  it('bounds the other events too, delivers them before the frame, and ends after close', async () => {
    const ch = new LatestChannel(3)
    ch.push({ kind: 'frame', frame: frameAt(1n), receivedAtMs: 0 })
    for (let i = 0; i < 5; i++) ch.push({ kind: 'error', message: `bad ${i}` })
    ch.close()
    const got = []
    for await (const e of ch) got.push(e.kind === 'error' ? e.message : e.kind)
    expect(got).toEqual(['bad 2', 'bad 3', 'bad 4', 'frame'])
    expect(ch.droppedEvents).toBe(2)
  })

  it('wakes a waiting consumer when a frame arrives', async () => {
    const ch = new LatestChannel()
    const pending = ch.next()
    ch.push({ kind: 'frame', frame: frameAt(7n), receivedAtMs: 0 })
    const e = await pending
    expect(e?.kind === 'frame' && e.frame.timestampNs).toBe(7n)
  })
})

describe('FramePairer', () => {
  const k = { width: 2, height: 1, fx: 1, fy: 1, cx: 0.5, cy: 0 }
  const pairer = (toleranceNs = 10n) =>
    new FramePairer({
      cameraId: 'c',
      toleranceNs,
      hasDepth: true,
      bufferSize: 3,
      sourceDescription: 't',
    })

  it('pairs the closest stamps within the tolerance and drops older unpaired images', () => {
    const p = pairer()
    p.setIntrinsics(k)
    expect(p.addColor(100n, rgb)).toBeNull()
    expect(p.addColor(200n, rgb)).toBeNull()
    const f = p.addDepth(205n, depth)
    expect(f?.timestampNs).toBe(200n)
    expect(f?.depth).toBe(depth)
    expect(p.unpaired).toBe(1) // the colour image at 100 ns
  })

  it('does not pair beyond the tolerance, and waits for CameraInfo', () => {
    const p = pairer()
    p.addColor(100n, rgb)
    expect(p.addDepth(111n, depth)).toBeNull()
    expect(p.addDepth(109n, depth)).toBeNull() // within tolerance, but no intrinsics yet
    expect(p.hasIntrinsics()).toBe(false)
  })

  it('scales CameraInfo of another resolution to the image (pixel centres kept)', () => {
    // 640×480 → 320×240: f halves; cx: (319.5 + 0.5)/2 − 0.5 = 159.5.
    expect(
      scaleIntrinsics(
        { width: 640, height: 480, fx: 500, fy: 500, cx: 319.5, cy: 239.5 },
        320,
        240,
      ),
    ).toEqual({
      width: 320,
      height: 240,
      fx: 250,
      fy: 250,
      cx: 159.5,
      cy: 119.5,
    })
  })
})
