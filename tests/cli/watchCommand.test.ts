import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { McapIndexedReader, TempBuffer } from '@mcap/core'
import { runWatchCommand } from '../../main/cli/watchCommand'

const fixture = (p: string) =>
  fileURLToPath(new URL(`../fixtures/pcl-kinect/${p}`, import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sl-watch-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('spatial-lens watch --rgb-dir', () => {
  it('runs 3 real frames through scene, tracking and a watch, writing CSV rows and an MCAP recording', async () => {
    const csv = join(dir, 'out.csv')
    const mcap = join(dir, 'out.mcap')
    const lines: string[] = []
    const code = await runWatchCommand(
      [
        '--rgb-dir',
        fixture('rgbd'),
        '--intrinsics',
        fixture('intrinsics.json'),
        '--detector',
        'none',
        '--csv',
        csv,
        '--record',
        mcap,
        '--json',
        'log the distance between the left grey object and the right grey object every frame',
      ],
      (l) => lines.push(l),
    )
    expect(code).toBe(0)
    const summary = JSON.parse(lines.at(-1)!)
    expect(summary).toMatchObject({ processed: 3, dropped: 0, failed: 0 })
    const rows = readFileSync(csv, 'utf8').trim().split('\n')
    expect(rows[0]).toBe('frame_index,time_ns,watch,event,value_m,text')
    // Tracks are confirmed at their second sighting (birth hysteresis): frame 0 has no tracked objects yet.
    expect(rows[1]).toMatch(/^0,0,.*,unavailable,,/)
    const value = rows.find((r) => /^1,.*,value,/.test(r))!.split(',')[4]
    // Box centres in frame 0 (world): (−0.047, 0.586, 0.115) and (0.241, 0.646, 0.043) → 0.303 m; frame 1 moves
    // each by about 1 cm.
    expect(Number(value)).toBeGreaterThan(0.285)
    expect(Number(value)).toBeLessThan(0.32)
    const reader = await McapIndexedReader.Initialize({
      readable: new TempBuffer(readFileSync(mcap)),
    })
    const counts = new Map<string, number>()
    for await (const m of reader.readMessages()) {
      const topic = reader.channelsById.get(m.channelId)!.topic
      counts.set(topic, (counts.get(topic) ?? 0) + 1)
    }
    expect(counts.get('/camera/image')).toBe(3)
    expect(counts.get('/spatial_lens/tracks')).toBe(3)
  }, 60_000)

  it('--preload replays the decoded folder from memory: the same watch rows as reading each frame from disk', async () => {
    const run = async (extra: string[], name: string) => {
      const csv = join(dir, name)
      const lines: string[] = []
      const code = await runWatchCommand(
        [
          '--rgb-dir',
          fixture('rgbd'),
          '--intrinsics',
          fixture('intrinsics.json'),
          '--detector',
          'none',
          ...extra,
          '--csv',
          csv,
          '--json',
          'log the distance between the left grey object and the right grey object every frame',
        ],
        (l) => lines.push(l),
      )
      expect(code).toBe(0)
      return { rows: readFileSync(csv, 'utf8'), summary: JSON.parse(lines.at(-1)!) }
    }
    const fromDisk = await run([], 'disk.csv')
    const fromMemory = await run(['--preload'], 'memory.csv')
    expect(fromMemory.summary).toMatchObject({ processed: 3, dropped: 0, failed: 0 })
    expect(fromMemory.rows.trim().split('\n')).toHaveLength(fromDisk.rows.trim().split('\n').length)
    expect(fromMemory.rows).toBe(fromDisk.rows)
  }, 60_000)

  it('refuses a missing or doubled source and a watch query it cannot read, naming what to do', async () => {
    const print = () => {}
    await expect(runWatchCommand(['distance between a and b'], print)).rejects.toThrow(
      /give exactly one source/,
    )
    await expect(
      runWatchCommand(
        ['--rgb-dir', 'x', '--rosbridge', 'ws://h:1', 'distance between a and b'],
        print,
      ),
    ).rejects.toThrow(/give exactly one source/)
    await expect(
      runWatchCommand(
        [
          '--rgb-dir',
          fixture('rgbd'),
          '--intrinsics',
          fixture('intrinsics.json'),
          'alert when the mug is sad',
        ],
        print,
      ),
    ).rejects.toThrow(/watch query "alert when the mug is sad"/)
    await expect(
      runWatchCommand(['--rosbridge', 'http://x', 'distance between a and b'], print),
    ).rejects.toThrow(/ws:\/\//)
  })
})
