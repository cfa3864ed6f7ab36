/**
 * RecordingPlayer: a recording played like a camera, latest frame wins. A consumer that does not
 * keep up gets the newest frame and the rest are counted as dropped; pause, seek and the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RecordingPlayer, type PlayerState } from '../../main/live/RecordingPlayer'
import { McapFrameSource } from '../../main/sources/mcap/mcapFrameSource'
import type { SourceEvent } from '../../main/live/FrameSource'
import { COLOR_TOPIC, DEPTH_TOPIC, PERIOD_NS, T0_NS, writeRgbdMcap } from '../helpers/rgbdMcap'

const dir = mkdtempSync(join(tmpdir(), 'sl-player-'))
const file = join(dir, 'six.mcap')
beforeAll(async () => {
  expect(await writeRgbdMcap(file, 3, { repeat: 2 })).toBe(6)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function player(speed: number, states: PlayerState[] = []) {
  const source = await McapFrameSource.open(file, {
    colorTopic: COLOR_TOPIC,
    depthTopic: DEPTH_TOPIC,
  })
  return new RecordingPlayer(source, { speed, onState: (s) => states.push(s) })
}

async function next(it: AsyncIterator<SourceEvent>): Promise<bigint> {
  const r = await it.next()
  if (r.done || r.value.kind !== 'frame') throw new Error('expected a frame')
  return r.value.frame.timestampNs
}

describe('RecordingPlayer', () => {
  it('hands over only the newest frame to a consumer that was busy, counting the others as dropped', async () => {
    const states: PlayerState[] = []
    const p = await player(Infinity, states)
    p.start()
    await expect.poll(() => states.includes('ended')).toBe(true)
    const it = p[Symbol.asyncIterator]()
    expect(await next(it)).toBe(T0_NS + 5n * PERIOD_NS)
    expect(p.droppedFrames()).toBe(5)
    await p.close()
  })

  it('after the end, a seek shows the frame at that time (paused) and playing goes on from there', async () => {
    const states: PlayerState[] = []
    // At the recorded pace (100 ms apart), so the frame after a resume is alone in the slot.
    const p = await player(1, states)
    p.start()
    await expect.poll(() => states.includes('ended')).toBe(true)
    const it = p[Symbol.asyncIterator]()
    await next(it) // the last frame
    expect(p.droppedFrames()).toBe(5)
    p.seek(T0_NS + 2n * PERIOD_NS)
    expect(await next(it)).toBe(T0_NS + 2n * PERIOD_NS)
    expect(p.playing).toBe(false)
    p.setPlaying(true)
    // Taken as they come, at the recorded pace: nothing more is dropped.
    expect(await next(it)).toBe(T0_NS + 3n * PERIOD_NS)
    expect(p.droppedFrames()).toBe(5)
    await p.close()
    expect(states).toContain('closed')
  })
})
