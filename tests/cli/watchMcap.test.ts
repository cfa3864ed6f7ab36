/**
 * `spatial-lens watch --mcap`: an MCAP written here from the three pcl-kinect RGB-D frames runs through the live
 * pipeline like the same frames from a folder (tests/cli/watchCommand.test.ts), with i/N progress and no drops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runWatchCommand } from '../../main/cli/watchCommand'
import { McapWatchSource } from '../../main/live/McapWatchSource'
import { COLOR_TOPIC, DEPTH_TOPIC, PERIOD_NS, T0_NS, writeRgbdMcap } from '../helpers/rgbdMcap'

const dir = mkdtempSync(join(tmpdir(), 'sl-watch-mcap-'))
const file = join(dir, 'three.mcap')
beforeAll(async () => {
  expect(await writeRgbdMcap(file, 3)).toBe(3)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('McapWatchSource', () => {
  it('yields every frame on demand with the recording stamps, and knows the total up front', async () => {
    const notes: string[] = []
    const source = await McapWatchSource.open(file, {}, {}, (l) => notes.push(l))
    expect(notes).toEqual([
      `three.mcap: using colour topic ${COLOR_TOPIC} and depth topic ${DEPTH_TOPIC}`,
    ])
    expect(source.totalFrames()).toBe(3)
    const stamps: bigint[] = []
    for await (const e of source) {
      expect(e.kind).toBe('frame')
      if (e.kind === 'frame') {
        stamps.push(e.frame.timestampNs)
        expect(e.frame.depth?.width).toBe(640)
        expect(e.frame.intrinsics.fx).toBe(525)
      }
    }
    expect(stamps).toEqual([T0_NS, T0_NS + PERIOD_NS, T0_NS + 2n * PERIOD_NS])
    expect(source.droppedFrames()).toBe(0)
    await source.close()
  })

  it('refuses a topic the file lacks, naming its topics', async () => {
    await expect(McapWatchSource.open(file, { colorTopic: '/nope' })).rejects.toThrow(
      /no colour topic "\/nope".*\/camera\/color\/image_raw/,
    )
  })
})

describe('spatial-lens watch --mcap', () => {
  it('runs the 3 recorded frames through a watch and logs the distance to CSV', async () => {
    const csv = join(dir, 'out.csv')
    const lines: string[] = []
    const code = await runWatchCommand(
      [
        '--mcap',
        file,
        '--color-topic',
        COLOR_TOPIC,
        '--depth-topic',
        DEPTH_TOPIC,
        '--detector',
        'none',
        '--csv',
        csv,
        '--json',
        'log the distance between the left grey object and the right grey object every frame',
      ],
      (l) => lines.push(l),
    )
    expect(code).toBe(0)
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ processed: 3, dropped: 0, failed: 0 })
    const rows = readFileSync(csv, 'utf8').trim().split('\n')
    expect(rows[0]).toBe('frame_index,time_ns,watch,event,value_m,text')
    // Tracks are confirmed at their second sighting: frame 0 has none yet.
    expect(rows[1]).toMatch(new RegExp(`^0,${T0_NS},.*,unavailable,,`))
    const row1 = rows.find((r) => /^1,.*,value,/.test(r))!.split(',')
    expect(row1[1]).toBe(String(T0_NS + PERIOD_NS))
    // Same frames as the folder test: box centres (−0.047, 0.586, 0.115) and (0.241, 0.646, 0.043) → 0.303 m.
    expect(Number(row1[4])).toBeGreaterThan(0.285)
    expect(Number(row1[4])).toBeLessThan(0.32)
  }, 60_000)

  it('lists the recording topics with --list-topics and refuses a file that is not MCAP', async () => {
    const lines: string[] = []
    expect(await runWatchCommand(['--mcap', file, '--list-topics'], (l) => lines.push(l))).toBe(0)
    expect(lines.join('\n').split('\n').sort()).toEqual([
      `${DEPTH_TOPIC}\tsensor_msgs/msg/Image\t3 msgs`,
      '/camera/color/camera_info\tsensor_msgs/msg/CameraInfo\t3 msgs',
      `${COLOR_TOPIC}\tsensor_msgs/msg/Image\t3 msgs`,
    ])
    writeFileSync(join(dir, 'not.mcap'), 'x')
    await expect(
      runWatchCommand(['--mcap', join(dir, 'not.mcap'), 'distance between a and b'], () => {}),
    ).rejects.toThrow(/not an MCAP file/)
  })
})
