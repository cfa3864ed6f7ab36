/**
 * Video files through ffmpeg (Debian's, installed by .ci/run): videos are made here by ffmpeg from the three
 * pcl-kinect colour frames — lossless FFV1 (pixels must come back exactly), H.264 (lossy, close), resampled, started
 * late, truncated, garbage — and read back as colour-only frames.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { VideoSource, intrinsicsFromFov } from '../../main/live/VideoSource'
import { SourceError } from '../../main/sources/SourceError'
import type { SourceEvent } from '../../main/live/FrameSource'
import type { Frame } from '../../main/engine/types'

const RGBD = 'tests/fixtures/pcl-kinect/rgbd/'
const K = { width: 640, height: 480, fx: 525, fy: 525, cx: 320, cy: 240 }
let dir: string
let fixtures: Uint8Array[]

function ffmpeg(args: string[]): void {
  const run = spawnSync('ffmpeg', ['-v', 'error', '-y', ...args], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${run.stderr}`)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spatial-lens-video-'))
  const names = readdirSync(RGBD)
    .filter((n) => n.endsWith('_rgb.png'))
    .sort()
  fixtures = []
  for (const [i, name] of names.entries()) {
    copyFileSync(join(RGBD, name), join(dir, `f${i}.png`))
    fixtures.push(new Uint8Array(await sharp(join(RGBD, name)).removeAlpha().raw().toBuffer()))
  }
  const input = ['-framerate', '10', '-i', join(dir, 'f%d.png')]
  ffmpeg([...input, '-c:v', 'ffv1', '-pix_fmt', 'bgr0', join(dir, 'lossless.mkv')])
  ffmpeg([...input, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-crf', '12', join(dir, 'h264.mp4')])
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => {
  delete process.env.SPATIAL_LENS_FFPROBE
  delete process.env.SPATIAL_LENS_FFMPEG
  delete process.env.SPATIAL_LENS_MAX_IMAGE_PIXELS
})

async function events(source: VideoSource): Promise<SourceEvent[]> {
  const out: SourceEvent[] = []
  for await (const e of source) out.push(e)
  await source.close()
  return out
}
const framesOf = (all: SourceEvent[]) =>
  all.flatMap((e) => (e.kind === 'frame' ? [e.frame] : [])) as Frame[]
const meanAbsDiff = (a: Uint8Array, b: Uint8Array) => {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i])
  return sum / a.length
}

describe('reading videos', () => {
  it('a lossless video gives back every frame exactly, stamped at its frame times', async () => {
    const source = await VideoSource.open({ path: join(dir, 'lossless.mkv'), intrinsics: K })
    expect(source.description).toMatch(/640×480, 10 fps, ffv1/)
    expect(source.totalFrames()).toBe(3)
    const got = framesOf(await events(source))
    expect(got.map((f) => f.timestampNs)).toEqual([0n, 100_000_000n, 200_000_000n])
    got.forEach((f, i) => {
      expect(Buffer.from(f.rgb.data).equals(Buffer.from(fixtures[i]))).toBe(true)
      expect(f.intrinsics).toEqual(K)
      expect(f.depthSource).toBe('monocular')
      expect(f.depth).toBeUndefined()
    })
  })

  it('H.264 frames come back close to the originals (lossy codec)', async () => {
    const got = framesOf(
      await events(await VideoSource.open({ path: join(dir, 'h264.mp4'), intrinsics: K })),
    )
    expect(got).toHaveLength(3)
    got.forEach((f, i) => expect(meanAbsDiff(f.rgb.data, fixtures[i])).toBeLessThan(4))
    // …and each is closest to its own original, not a neighbour.
    expect(meanAbsDiff(got[1].rgb.data, fixtures[1])).toBeLessThan(
      meanAbsDiff(got[1].rgb.data, fixtures[0]),
    )
  })

  it('resamples with fps and starts late with startS', async () => {
    const half = framesOf(
      await events(
        await VideoSource.open({ path: join(dir, 'lossless.mkv'), intrinsics: K, fps: 5 }),
      ),
    )
    expect(half.map((f) => f.timestampNs)).toEqual([0n, 200_000_000n])
    expect(Buffer.from(half[1].rgb.data).equals(Buffer.from(fixtures[2]))).toBe(true)
    const late = framesOf(
      await events(
        await VideoSource.open({ path: join(dir, 'lossless.mkv'), intrinsics: K, startS: 0.1 }),
      ),
    )
    expect(late).toHaveLength(2)
    expect(late[0].timestampNs).toBe(100_000_000n)
    expect(Buffer.from(late[0].rgb.data).equals(Buffer.from(fixtures[1]))).toBe(true)
  })

  it('intrinsics from a field of view: fx = (w/2) / tan(fov/2)', async () => {
    expect(intrinsicsFromFov(640, 480, 90).fx).toBeCloseTo(320, 9)
    expect(intrinsicsFromFov(640, 480, 60).fx).toBeCloseTo(320 / Math.tan(Math.PI / 6), 9)
    const source = await VideoSource.open({
      path: join(dir, 'lossless.mkv'),
      intrinsics: (info) => intrinsicsFromFov(info.width, info.height, 90),
    })
    const k = framesOf(await events(source))[0].intrinsics
    expect(k.fx).toBeCloseTo(320, 9)
    expect([k.cx, k.cy]).toEqual([320, 240])
    expect(() => intrinsicsFromFov(640, 480, 0)).toThrow(SourceError)
  })

  it('closing mid-stream stops ffmpeg and ends the iteration', async () => {
    const source = await VideoSource.open({ path: join(dir, 'lossless.mkv'), intrinsics: K })
    let n = 0
    for await (const e of source) {
      if (e.kind === 'frame') n++
      await source.close()
    }
    expect(n).toBe(1)
  })
})

describe('bad videos and missing tools give clear messages', () => {
  it('a truncated file gives the frames before the cut and a message, never a throw', async () => {
    const path = join(dir, 'cut.mkv')
    const bytes = readFileSync(join(dir, 'lossless.mkv'))
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    const source = await VideoSource.open({ path, intrinsics: K })
    const all = await events(source)
    expect(framesOf(all).length).toBeLessThan(3)
    expect(all.filter((e) => e.kind !== 'frame')).toContainEqual({
      kind: expect.stringMatching(/^(error|status)$/),
      message: expect.stringMatching(/^cut\.mkv: /),
    })
    framesOf(all).forEach((f, i) =>
      expect(Buffer.from(f.rgb.data).equals(Buffer.from(fixtures[i]))).toBe(true),
    )
  })

  it('garbage is not a video', async () => {
    const path = join(dir, 'garbage.mp4')
    writeFileSync(path, Buffer.alloc(50_000, 7))
    await expect(VideoSource.open({ path, intrinsics: K })).rejects.toThrow(
      /garbage\.mp4 is not a video ffprobe can read/,
    )
  })

  it('intrinsics for another size, an image over the pixel limit, bad fps', async () => {
    const path = join(dir, 'lossless.mkv')
    await expect(VideoSource.open({ path, intrinsics: { ...K, width: 320 } })).rejects.toThrow(
      /640×480 but the intrinsics are for 320×480/,
    )
    process.env.SPATIAL_LENS_MAX_IMAGE_PIXELS = '1000'
    await expect(VideoSource.open({ path, intrinsics: K })).rejects.toThrow(/over the limit/)
    delete process.env.SPATIAL_LENS_MAX_IMAGE_PIXELS
    await expect(VideoSource.open({ path, intrinsics: K, fps: -1 })).rejects.toThrow(/--fps/)
  })

  it('without ffprobe or ffmpeg, says how to install them', async () => {
    process.env.SPATIAL_LENS_FFPROBE = join(dir, 'no-such-ffprobe')
    await expect(
      VideoSource.open({ path: join(dir, 'lossless.mkv'), intrinsics: K }),
    ).rejects.toThrow(/video files need ffprobe.*apt install ffmpeg/)
    delete process.env.SPATIAL_LENS_FFPROBE
    process.env.SPATIAL_LENS_FFMPEG = join(dir, 'no-such-ffmpeg')
    const source = await VideoSource.open({ path: join(dir, 'lossless.mkv'), intrinsics: K })
    const all = await events(source)
    expect(framesOf(all)).toEqual([])
    expect(all).toContainEqual({
      kind: 'error',
      message: expect.stringMatching(/video files need ffmpeg/),
    })
  })
})
