/**
 * Robot TF frames in the app's source sessions, through the real service (inline scene executor): a recording
 * with TF (tests/helpers/rgbdMcap.ts: camera optical frame at (0, 0, 1) m in base_link, gripper at
 * (0.1, 0, 1.5) m, no rotation → the gripper at (0.1, 0, 0.5) m in the camera frame, by hand) is played; each
 * frame's summary lists the frames, `qa:ask` on a kept frame measures from the gripper, and a pinned watch
 * naming the gripper reads a value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../../main/workers/sceneExecutor'
import { MeasurementLog } from '../../../main/measurements/MeasurementLog'
import { SettingsStore } from '../../../main/settings/SettingsStore'
import type { SourceFrameEvent, SourceSession } from '../../../main/contract/sourceSchema'
import { COLOR_TOPIC, DEPTH_TOPIC, INFO_TOPIC, writeRgbdMcap } from '../../helpers/rgbdMcap'

type V3 = [number, number, number]
const GRIPPER_IN_CAMERA: V3 = [0.1, 0, 0.5]
const BASE_IN_CAMERA: V3 = [0, 0, -1]

const dir = mkdtempSync(join(tmpdir(), 'sl-session-tf-'))
const file = join(dir, 'kinect.mcap')
const frames: SourceFrameEvent[] = []
const service = new SpatialService(new InlineSceneExecutor(), 'electron', {
  log: new MeasurementLog({ path: join(dir, 'log.jsonl') }),
  settings: new SettingsStore({ directory: join(dir, 'home') }),
})
service.subscribe((event, payload) => {
  if (event === 'source:frame') frames.push(payload as SourceFrameEvent)
})

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await service.handle(channel as never, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

/** W · p for a column-major 4×4 (independent of the engine). */
const apply = (m: number[], p: V3) =>
  [0, 1, 2].map((r) => m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r]) as V3
const dist = (a: V3, b: V3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

beforeAll(async () => {
  await writeRgbdMcap(file, 3, { repeat: 2, tf: true })
})
afterAll(async () => {
  await service.dispose()
  rmSync(dir, { recursive: true, force: true })
})

async function play(gripperFrame?: string): Promise<SourceFrameEvent> {
  const session = await call<SourceSession>('source:open', { kind: 'mcap', path: file })
  await call('source:watch', {
    sessionId: session.sessionId,
    questions: ['distance between the gripper and the left grey object'],
  })
  await call('source:select', {
    sessionId: session.sessionId,
    topics: {
      colorTopic: COLOR_TOPIC,
      depthTopic: DEPTH_TOPIC,
      cameraInfoTopic: INFO_TOPIC,
      ...(gripperFrame ? { gripperFrame } : {}),
    },
    perception: { detector: 'none' },
  })
  const mine = () => frames.filter((e) => e.sessionId === session.sessionId)
  await expect.poll(() => mine().length >= 3, { timeout: 60_000 }).toBe(true)
  await call('source:play', { sessionId: session.sessionId, isPlaying: false })
  return mine()[2]
}

describe('robot frames in source sessions', () => {
  it('each frame summary lists the TF frames; qa:ask measures from the gripper; watches read it', async () => {
    const event = await play()
    const summary = event.summary
    const gripper = summary.robotFrames!.points.find((p) => p.frameId === 'gripper')!
    gripper.pointInCamera.forEach((v, i) => expect(v).toBeCloseTo(GRIPPER_IN_CAMERA[i], 9))
    const expected = apply(summary.worldFromCamera, GRIPPER_IN_CAMERA)
    gripper.pointInWorld.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9))

    const target = summary.objects.find((o) => o.name === 'left grey object')!
    const answer = await call<{ kind: string; value: number; provenance: { method: string } }>(
      'qa:ask',
      { sceneId: event.sceneId, question: 'how far is the gripper from the left grey object' },
    )
    expect(answer.kind).toBe('distance')
    expect(answer.value).toBeCloseTo(dist(GRIPPER_IN_CAMERA, target.centerInCamera as V3), 6)
    expect(answer.provenance.method).toMatch(/measured from the frame's origin/i)

    // The pinned watch measures on the tracked (smoothed) objects, so only its kind of value is checked here.
    expect(event.watches[0].valueM).toBeGreaterThan(0.3)
    expect(event.watches[0].text).toMatch(/frame's origin/)
  }, 120_000)

  it('the gripper frame chosen with the topics is what "the end effector" means', async () => {
    const event = await play('base_link')
    expect(event.summary.robotFrames?.gripperFrameId).toBe('base_link')
    const target = event.summary.objects.find((o) => o.name === 'left grey object')!
    const answer = await call<{ value: number; text: string }>('qa:ask', {
      sceneId: event.sceneId,
      question: 'how far is the end effector from the left grey object',
    })
    expect(answer.value).toBeCloseTo(dist(BASE_IN_CAMERA, target.centerInCamera as V3), 6)
    expect(answer.text).toContain('TF frame "base_link"')
  }, 120_000)
})
