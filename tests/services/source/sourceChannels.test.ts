/**
 * The `source:*` channels through the real service (inline scene executor): a recording written here
 * from the pcl-kinect RGB-D fixtures (CDR Image + CameraInfo + TF) is opened, its topics picked,
 * played, paused, seeked; frames come back as `source:frame` events with tracks, TF frames and
 * watch readings; pinned questions log rate-limited rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../../main/workers/sceneExecutor'
import { MeasurementLog } from '../../../main/measurements/MeasurementLog'
import { SettingsStore } from '../../../main/settings/SettingsStore'
import type { SourceFrameEvent, SourceSession } from '../../../main/contract/sourceSchema'
import {
  CAMERA_FRAME,
  COLOR_TOPIC,
  DEPTH_TOPIC,
  INFO_TOPIC,
  PERIOD_NS,
  T0_NS,
  writeRgbdMcap,
} from '../../helpers/rgbdMcap'

const dir = mkdtempSync(join(tmpdir(), 'sl-source-'))
const recordings = join(dir, 'recordings')
const file = join(recordings, 'kinect.mcap')
const outside = join(dir, 'outside.mcap')
const frames: SourceFrameEvent[] = []
const statuses: string[] = []

function makeService(host: 'electron' | 'serve', recordingsDirectory?: string) {
  const service = new SpatialService(new InlineSceneExecutor(), host, {
    log: new MeasurementLog({ path: join(dir, `${host}-${Math.random()}.jsonl`) }),
    settings: new SettingsStore({ directory: join(dir, 'home') }),
    recordingsDirectory,
  })
  service.subscribe((event, payload) => {
    if (event === 'source:frame') frames.push(payload as SourceFrameEvent)
    if (event === 'source:status') statuses.push((payload as { state: string }).state)
  })
  return service
}

async function call<T>(service: SpatialService, channel: string, input: unknown): Promise<T> {
  const result = await service.handle(channel as never, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

/** Waits for a frame event of `sessionId` that passes `test`. */
async function frameWhere(
  sessionId: string,
  test: (e: SourceFrameEvent) => boolean,
): Promise<SourceFrameEvent> {
  await expect
    .poll(() => frames.some((e) => e.sessionId === sessionId && test(e)), { timeout: 60_000 })
    .toBe(true)
  return frames.find((e) => e.sessionId === sessionId && test(e))!
}

/** a · p for a column-major 4×4 (an independent few lines, not the engine's). */
function apply(m: number[], p: number[]): number[] {
  return [0, 1, 2].map((r) => m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r])
}

beforeAll(async () => {
  mkdirSync(recordings)
  expect(await writeRgbdMcap(file, 3, { repeat: 3, tf: true })).toBe(9)
  await writeRgbdMcap(outside, 1)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('source channels over a recording (desktop host)', () => {
  const service = makeService('electron')
  let session: SourceSession
  afterAll(() => service.dispose())

  it('opens the recording and lists its topics with type, count, rate and a guessed role', async () => {
    session = await call<SourceSession>(service, 'source:open', { kind: 'mcap', path: file })
    expect(session.description).toBe('kinect.mcap')
    const byName = Object.fromEntries(session.topics.map((t) => [t.name, t]))
    expect(byName[COLOR_TOPIC]).toMatchObject({
      type: 'sensor_msgs/msg/Image',
      messageCount: 9,
      role: 'color',
    })
    // 9 messages 100 ms apart: (9 − 1) / 0.8 s = 10 Hz.
    expect(byName[COLOR_TOPIC].rateHz).toBeCloseTo(10, 6)
    expect(byName[DEPTH_TOPIC].role).toBe('depth')
    expect(byName[INFO_TOPIC].role).toBe('cameraInfo')
    expect(byName['/tf'].role).toBe('tf')
    expect(session.guess).toEqual({
      colorTopic: COLOR_TOPIC,
      depthTopic: DEPTH_TOPIC,
      cameraInfoTopic: INFO_TOPIC,
    })
    expect(session.timeRange).toEqual({
      startNs: `${T0_NS}`,
      endNs: `${T0_NS + 8n * PERIOD_NS}`,
    })
    // The fixed-frame choices, known before any frame plays: /tf_static and the first /tf messages.
    expect(session.tfFrames).toEqual(['base_link', CAMERA_FRAME, 'gripper'])
  })

  it('plays: frames carry tracks with stable ids, TF frames in the scene and the fixed frame', async () => {
    const watch = await call<{ watches: { isWatching: boolean }[] }>(service, 'source:watch', {
      sessionId: session.sessionId,
      questions: [
        'distance between the left grey object and the right grey object',
        'what colour is the sky',
      ],
      minChangeCm: 50,
    })
    expect(watch.watches.map((w) => w.isWatching)).toEqual([true, false])
    await call(service, 'source:select', {
      sessionId: session.sessionId,
      topics: {
        colorTopic: COLOR_TOPIC,
        depthTopic: DEPTH_TOPIC,
        cameraInfoTopic: INFO_TOPIC,
        fixedFrame: 'base_link',
      },
      perception: { detector: 'none' },
    })
    const later = await frameWhere(session.sessionId, (e) => e.processedFrames >= 3)
    const earlier = frames.filter((e) => e.sessionId === session.sessionId)[1]
    // Confirmed at the 2nd sighting; the same objects keep their ids and names.
    const confirmed = (e: SourceFrameEvent) =>
      e.tracks.filter((t) => t.isConfirmed).map((t) => `${t.id} ${t.name}`)
    expect(confirmed(earlier).length).toBeGreaterThanOrEqual(2)
    expect(confirmed(later)).toEqual(expect.arrayContaining(confirmed(earlier)))

    // TF: camera at (0, 0, 1) in base_link, gripper at (0.1, 0, 1.5) → gripper at (0.1, 0, 0.5) in the camera.
    const w = later.summary.worldFromCamera
    const gripper = later.tfFrames.find((f) => f.frameId === 'gripper')!
    apply(w, [0.1, 0, 0.5]).forEach((v, i) => expect(gripper.originInWorld[i]).toBeCloseTo(v, 6))
    // Fixed frame: fixedFromWorld · worldFromCamera maps the camera origin to (0, 0, 1) and keeps its axes.
    const fixed = later.fixed!.fixedFromWorld
    expect(later.fixed!.frameId).toBe('base_link')
    const cameraOrigin = apply(fixed, apply(w, [0, 0, 0]))
    cameraOrigin.forEach((v, i) => expect(v).toBeCloseTo([0, 0, 1][i], 6))
    const zTip = apply(fixed, apply(w, [0, 0, 1]))
    zTip.forEach((v, i) => expect(v).toBeCloseTo([0, 0, 2][i], 6))

    // The pinned distance (0.30 m, as in the CLI watch test on the same frames), shown every frame.
    const reading = later.watches[0]
    expect(reading.question).toBe('distance between the left grey object and the right grey object')
    expect(reading.valueM).toBeGreaterThan(0.285)
    expect(reading.valueM).toBeLessThan(0.32)
  })

  it('keeps each frame for questions and gives its cloud and image', async () => {
    const last = frames.filter((e) => e.sessionId === session.sessionId).at(-1)!
    const scene = await call<{
      cloud: { positionsInWorld: Float32Array }
      image: { width: number }
    }>(service, 'source:scene', { sessionId: session.sessionId, sceneId: last.sceneId })
    expect(scene.image.width).toBe(640)
    expect(scene.cloud.positionsInWorld.length).toBeGreaterThan(3 * 100_000)
    const answer = await call<{ text: string }>(service, 'qa:ask', {
      sceneId: last.sceneId,
      question: 'how many objects are there',
    })
    expect(answer.text).toMatch(/\d/)
  })

  it('pauses, and a seek shows the frame at the new time', async () => {
    await call(service, 'source:play', { sessionId: session.sessionId, isPlaying: false })
    const target = T0_NS + 4n * PERIOD_NS
    const before = frames.length
    await call(service, 'source:seek', { sessionId: session.sessionId, timeNs: `${target}` })
    const shown = await frameWhere(
      session.sessionId,
      (e) => frames.indexOf(e) >= before && e.timeNs === `${target}`,
    )
    expect(shown.summary.timestampNs).toBe(`${target}`)
    expect(statuses).toContain('paused')
  })

  it('new perception settings restart the analysis where the recording was, still paused', async () => {
    const before = frames.length
    const lastBefore = frames.filter((e) => e.sessionId === session.sessionId).at(-1)!
    const target = `${T0_NS + 4n * PERIOD_NS}`
    await call(service, 'source:select', {
      sessionId: session.sessionId,
      topics: { colorTopic: COLOR_TOPIC, depthTopic: DEPTH_TOPIC, cameraInfoTopic: INFO_TOPIC },
      perception: { detector: 'none', minScore: 0.5 },
    })
    // The new run's first frame (index 0) is the one the recording was paused at.
    const resumed = await frameWhere(
      session.sessionId,
      (e) => frames.indexOf(e) >= before && e.frameIndex === 0,
    )
    expect(resumed.timeNs).toBe(target)
    // The same tracks go on (a fresh tracker would start at #1 with nothing confirmed yet).
    const confirmed = (e: SourceFrameEvent) =>
      e.tracks.filter((t) => t.isConfirmed).map((t) => `${t.id} ${t.name}`)
    expect(confirmed(lastBefore).length).toBeGreaterThanOrEqual(2)
    expect(confirmed(resumed)).toEqual(confirmed(lastBefore))
    await new Promise((r) => setTimeout(r, 500))
    expect(frames.slice(before).map((e) => e.timeNs)).toEqual([target])
  })

  it('logs the watched distance once, not per frame, with a 50 cm tolerance', async () => {
    const processed = frames.filter((e) => e.sessionId === session.sessionId).length
    expect(processed).toBeGreaterThanOrEqual(4)
    const { records } = await call<{ records: { text: string }[] }>(service, 'log:list', {})
    const rows = records.filter((r) => r.text.startsWith('watch: distance between the left grey'))
    expect(rows).toHaveLength(1)
  })

  it('closes: the session is gone and says so', async () => {
    expect(await call(service, 'source:close', { sessionId: session.sessionId })).toEqual({
      isClosed: true,
    })
    await expect(
      call(service, 'source:seek', { sessionId: session.sessionId, timeNs: '0' }),
    ).rejects.toThrow(/is not open: open the source again/)
    expect(statuses).toContain('closed')
  })

  it('refuses a file that is not MCAP with a clear message', async () => {
    const text = join(dir, 'notes.mcap')
    writeFileSync(text, 'just text, not a recording')
    await expect(call(service, 'source:open', { kind: 'mcap', path: text })).rejects.toThrow(
      /notes\.mcap is not an MCAP file/,
    )
  })
})

describe('source:open under serve', () => {
  it('refuses every recording when serve was started without --recordings', async () => {
    const service = makeService('serve')
    await expect(call(service, 'source:open', { kind: 'mcap', path: file })).rejects.toThrow(
      /start it with `spatial-lens serve --recordings DIR`/,
    )
    await service.dispose()
  })

  it('opens files under --recordings only, also refusing a link that leads outside', async () => {
    const service = makeService('serve', recordings)
    const link = join(recordings, 'escape.mcap')
    symlinkSync(outside, link)
    await expect(call(service, 'source:open', { kind: 'mcap', path: outside })).rejects.toThrow(
      /is outside .*recordings, the directory this server was given with --recordings/,
    )
    await expect(call(service, 'source:open', { kind: 'mcap', path: link })).rejects.toThrow(
      /is outside/,
    )
    const listed = await call<{ files: { name: string }[] }>(service, 'source:recordings', {})
    // Links are not listed (only plain files).
    expect(listed.files.map((f) => f.name)).toEqual(['kinect.mcap'])
    const opened = await call<SourceSession>(service, 'source:open', {
      kind: 'mcap',
      path: 'kinect.mcap',
    })
    expect(opened.topics.length).toBe(5)
    // Another connection cannot drive this one's session.
    const other = service.openClient()
    const result = await service.handle(
      'source:play',
      { sessionId: opened.sessionId, isPlaying: false },
      other,
    )
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/is not open/) },
    })
    rmSync(link)
    await service.dispose()
  })

  it('refuses rosbridge URLs that are not ws:// or wss://', async () => {
    const service = makeService('serve', recordings)
    const result = await service.handle('source:open', {
      kind: 'rosbridge',
      url: 'http://robot:9090',
    })
    expect(result).toMatchObject({ ok: false, error: { field: 'url' } })
    await service.dispose()
  })
})
