/**
 * `spatial-lens synth` on an MCAP recording written here from the three pcl-kinect RGB-D frames: a job per colour
 * frame, read back through the MCAP source's seek; deterministic, resumable, ids from file, topics and frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decode as decodePng } from 'fast-png'
import { runSynthCommand } from '../../main/cli/synthCommand'
import { planJobs, type McapListing } from '../../main/synth/plan'
import {
  COLOR_TOPIC,
  DEPTH_TOPIC,
  RGBD_DIR,
  T0_NS,
  PERIOD_NS,
  writeRgbdMcap,
  writeRgbdDb3,
} from '../helpers/rgbdMcap'

const work = mkdtempSync(join(tmpdir(), 'sl-synth-mcap-'))
const recordings = join(work, 'recordings')
beforeAll(async () => {
  mkdirSync(recordings)
  expect(await writeRgbdMcap(join(recordings, 'three.mcap'), 3)).toBe(3)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function synth(out: string, extra: string[] = []): Promise<string[]> {
  const lines: string[] = []
  const code = await runSynthCommand(
    [recordings, '--out', out, '--detector', 'none', '--workers', '1', '--seed', '3', ...extra],
    (l) => lines.push(l),
  )
  expect(code, lines.join('\n')).toBe(0)
  return lines
}

const shards = (out: string) =>
  Object.fromEntries(
    readdirSync(join(out, 'shards'))
      .sort()
      .map((name) => [name, readFileSync(join(out, 'shards', name), 'utf8')]),
  )

describe('synth on MCAP recordings', () => {
  it('makes a job per frame with the recorded pixels, the same twice, and resumes without redoing any', async () => {
    const out = join(work, 'a')
    const first = await synth(out)
    expect(first).toContain(
      `three.mcap: using colour topic ${COLOR_TOPIC} and depth topic ${DEPTH_TOPIC}`,
    )
    expect(first[0]).toMatch(/^synth: 3 frames run, 0 already done; dataset: 3 frames/)
    const a = shards(out)
    expect(Object.keys(a)).toHaveLength(3)
    const samples = Object.values(a).flatMap((text) => text.split('\n').filter(Boolean))
    expect(samples.length).toBeGreaterThan(0)
    // Each sample names its frame; the copied image holds the fixture's pixels of that frame.
    const stems = readdirSync(RGBD_DIR)
      .filter((n) => n.endsWith('_rgb.png'))
      .sort()
    const images = new Map<string, number>()
    for (const line of samples) {
      const sample = JSON.parse(line) as { frame: string; image: string }
      images.set(sample.image, Number(/^three\.mcap#(\d)$/.exec(sample.frame)![1]))
    }
    // Every recorded frame gave samples (frames 0, 1, 2 of the colour topic).
    expect([...new Set(images.values())].sort()).toEqual([0, 1, 2])
    for (const [image, index] of images) {
      const copied = decodePng(readFileSync(join(out, image)))
      const fixture = decodePng(readFileSync(join(RGBD_DIR, stems[index])))
      expect(copied.width).toBe(640)
      for (const p of [0, 1234, 640 * 240 + 320, 640 * 480 - 1])
        for (let c = 0; c < 3; c++)
          expect(copied.data[p * 3 + c]).toBe(fixture.data[p * fixture.channels + c])
    }
    const again = join(work, 'b')
    await synth(again)
    expect(shards(again)).toEqual(a)
    const resumed = await synth(out)
    expect(resumed[0]).toMatch(/^synth: 0 frames run, 3 already done/)
    expect(shards(out)).toEqual(a)
  }, 120_000)

  it('keeps every N-th frame with --every and refuses an ambiguous or missing topic', async () => {
    const out = join(work, 'every')
    const lines = await synth(out, ['--every', '2'])
    expect(lines[0]).toMatch(/^synth: 2 frames run/)
    // Resuming with other MCAP options would mix two selections of frames into one dataset.
    await expect(synth(out, ['--every', '3'])).rejects.toThrow(/another configuration/)
    await expect(synth(join(work, 'bad'), ['--color-topic', '/nope'])).rejects.toThrow(
      /no topic "\/nope"/,
    )
  }, 120_000)

  it('takes a rosbag2 .db3 of the same frames and gives the same samples as the MCAP', async () => {
    const bags = join(work, 'bags')
    mkdirSync(bags)
    expect(await writeRgbdDb3(join(bags, 'three.db3'), 3)).toBe(3)
    const fromMcap = join(work, 'a')
    const out = join(work, 'db3')
    const lines: string[] = []
    const code = await runSynthCommand(
      [bags, '--out', out, '--detector', 'none', '--workers', '1', '--seed', '3'],
      (l) => lines.push(l),
    )
    expect(code, lines.join('\n')).toBe(0)
    expect(lines[0]).toMatch(/^synth: 3 frames run/)
    // Same frames through the same engine: each frame's scene is the MCAP's (phrasings are drawn per job id,
    // which derives from the file name, so the questions themselves differ).
    const scenes = (all: Record<string, string>) =>
      Object.fromEntries(
        Object.values(all)
          .flatMap((text) => text.split('\n').filter(Boolean))
          .map((line) => JSON.parse(line) as { frame: string; scene: unknown })
          .map((sample) => [
            sample.frame.replace(/^three\.(mcap|db3)/, 'three'),
            JSON.stringify(sample.scene),
          ]),
      )
    const fromDb3 = scenes(shards(out))
    expect(Object.keys(fromDb3).sort()).toEqual(['three#0', 'three#1', 'three#2'])
    expect(fromDb3).toEqual(scenes(shards(fromMcap)))
  }, 120_000)
})

describe('planJobs with MCAP listings', () => {
  const listing = (topic: string): McapListing => ({
    colorTopic: topic,
    depthTopic: DEPTH_TOPIC,
    note: '',
    frames: [0, 1].map((index) => ({
      index,
      logTimeNs: String(T0_NS + BigInt(index) * PERIOD_NS),
      stampNs: String(T0_NS + BigInt(index) * PERIOD_NS),
    })),
  })
  it('gives one job per frame, ids stable across plans and distinct per frame and topic', () => {
    const plan = (topic: string) =>
      planJobs([{ root: '/r', files: ['x.mcap'], mcaps: { 'x.mcap': listing(topic) } }])
    const a = plan(COLOR_TOPIC)
    expect(a.jobs.map((j) => j.name)).toEqual(['x.mcap#0', 'x.mcap#1'])
    expect(plan(COLOR_TOPIC).jobs.map((j) => j.id)).toEqual(a.jobs.map((j) => j.id))
    expect(new Set(a.jobs.map((j) => j.id)).size).toBe(2)
    const other = plan('/other/image').jobs.map((j) => j.id)
    expect(other.some((id) => a.jobs.some((j) => j.id === id))).toBe(false)
  })
})
