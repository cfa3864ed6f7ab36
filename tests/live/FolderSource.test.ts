import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FolderSource, folderPairs, preloadFolderFrames } from '../../main/live/FolderSource'
import type { SourceEvent } from '../../main/live/FrameSource'

const fixture = (p: string) =>
  fileURLToPath(new URL(`../fixtures/pcl-kinect/${p}`, import.meta.url))

describe('FolderSource', () => {
  it('pairs *_rgb.png with *_depth.png in name order', async () => {
    const pairs = await folderPairs(fixture('rgbd'))
    expect(pairs.map((p) => p.rgbPath.split('/').at(-1))).toEqual([
      'frame_20121214T142255.814212_rgb.png',
      'frame_20121214T142256.068683_rgb.png',
      'frame_20121214T142256.332395_rgb.png',
    ])
    expect(pairs.every((p) => p.depthPath?.endsWith('_depth.png'))).toBe(true)
  })

  it('on demand: every frame, in order, with stamps one frame period apart and metric depth', async () => {
    const source = new FolderSource({
      dir: fixture('rgbd'),
      intrinsicsPath: fixture('intrinsics.json'),
    })
    const frames = []
    for await (const e of source) if (e.kind === 'frame') frames.push(e.frame)
    expect(frames.map((f) => f.timestampNs)).toEqual([0n, 33_333_333n, 66_666_666n])
    expect(frames[0].depth!.width).toBe(640)
    expect(source.droppedFrames()).toBe(0)
    expect(source.totalFrames()).toBe(3)
  })

  it('paced like a camera: a slow consumer sees fewer frames and every missing one is counted as dropped', async () => {
    const source = new FolderSource({
      dir: fixture('rgbd'),
      intrinsicsPath: fixture('intrinsics.json'),
      fps: 1000,
    })
    const events: SourceEvent[] = []
    for await (const e of source) {
      events.push(e)
      await new Promise((r) => setTimeout(r, 20))
    }
    const frames = events.filter((e) => e.kind === 'frame')
    expect(frames.length + source.droppedFrames()).toBe(3)
  })

  it('stamps arrival before decoding (latency counts it) and reports the decode time', async () => {
    const source = new FolderSource({
      dir: fixture('rgbd'),
      intrinsicsPath: fixture('intrinsics.json'),
    })
    for await (const e of source) {
      if (e.kind !== 'frame') continue
      const takenAt = performance.now()
      expect(e.decodeMs).toBeGreaterThan(0)
      // Arrival is when loading began: at least the decode time before the frame was handed over.
      expect(takenAt - e.receivedAtMs).toBeGreaterThanOrEqual(e.decodeMs!)
    }
  })

  it('says so for a folder without colour frames', async () => {
    const source = new FolderSource({
      dir: fixture('pcd'),
      intrinsicsPath: fixture('intrinsics.json'),
    })
    const events: SourceEvent[] = []
    for await (const e of source) events.push(e)
    expect(events).toEqual([{ kind: 'error', message: expect.stringMatching(/no \*_rgb\.png/) }])
  })

  it('preload: decodes each distinct pair once (symlinked repeats share it), same pixels as reading from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preload-'))
    const pairs = await folderPairs(fixture('rgbd'))
    for (let i = 0; i < 6; i++) {
      const pair = pairs[i % 3]
      symlinkSync(pair.rgbPath, join(dir, `f${i}_rgb.png`))
      symlinkSync(pair.depthPath!, join(dir, `f${i}_depth.png`))
    }
    const frames = await preloadFolderFrames({ dir, intrinsicsPath: fixture('intrinsics.json') })
    expect(frames).toHaveLength(6)
    expect(frames[3]).toBe(frames[0])
    expect(frames[1]).not.toBe(frames[0])
    const fromDisk = []
    for await (const e of new FolderSource({ dir, intrinsicsPath: fixture('intrinsics.json') }))
      if (e.kind === 'frame') fromDisk.push(e.frame)
    // Byte comparison (a deep toEqual over millions of typed-array elements takes a minute).
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
    expect(fromDisk).toHaveLength(6)
    fromDisk.forEach((f, i) => {
      expect(bytes(f.depth!.data).equals(bytes(frames[i].depth!.data))).toBe(true)
      expect(bytes(f.rgb.data).equals(bytes(frames[i].rgb.data))).toBe(true)
    })
  })

  it('preload: a folder too big for the memory cap is refused with a clear error', async () => {
    // One 640×480 RGB-D frame is 640·480·7 bytes; a cap below two distinct frames must refuse.
    await expect(
      preloadFolderFrames(
        { dir: fixture('rgbd'), intrinsicsPath: fixture('intrinsics.json') },
        640 * 480 * 7 * 1.5,
      ),
    ).rejects.toThrow(/need more than .* GiB decoded/)
    await expect(
      preloadFolderFrames({ dir: fixture('pcd'), intrinsicsPath: fixture('intrinsics.json') }),
    ).rejects.toThrow(/no \*_rgb\.png/)
  })
})
