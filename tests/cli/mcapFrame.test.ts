/**
 * Robot TF frames through the CLI: `scene --mcap … --json` lists the recording's TF frames placed in the scene,
 * and `ask` measures from them. The recording (tests/helpers/rgbdMcap.ts, `tf: true`) has /tf_static
 * base_link → camera_color_optical_frame at (0, 0, 1) m and /tf base_link → gripper at (0.1, 0, 1.5) m, no
 * rotation, so by hand: gripper in the camera frame = (0.1, 0, 0.5) m, base_link = (0, 0, −1) m.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCliArgs } from '../../main/cli/args'
import { runSceneCommand } from '../../main/cli/sceneCommand'
import { runAskCommand } from '../../main/cli/askCommand'
import { loadMcapRobotFrame } from '../../main/cli/mcapFrame'
import { CAMERA_FRAME, COLOR_TOPIC, DEPTH_TOPIC, writeRgbdMcap } from '../helpers/rgbdMcap'

type V3 = [number, number, number]
const GRIPPER_IN_CAMERA: V3 = [0.1, 0, 0.5]
const BASE_IN_CAMERA: V3 = [0, 0, -1]

const dir = mkdtempSync(join(tmpdir(), 'sl-cli-tf-'))
const withTf = join(dir, 'tf.mcap')
const withoutTf = join(dir, 'plain.mcap')
beforeAll(async () => {
  await writeRgbdMcap(withTf, 2, { tf: true })
  await writeRgbdMcap(withoutTf, 1)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const flags = (file: string, ...more: string[]) => [
  '--mcap',
  file,
  '--color-topic',
  COLOR_TOPIC,
  '--depth-topic',
  DEPTH_TOPIC,
  '--detector',
  'none',
  ...more,
]

/** W · p for a column-major 4×4 (an independent reference of the engine's transform). */
function apply(m: number[], p: V3): V3 {
  return [0, 1, 2].map((r) => m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r]) as V3
}
const dist = (a: V3, b: V3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

interface SceneJson {
  worldFromCamera: number[]
  objects: { name: string; centerInCamera: V3 }[]
  robotFrames?: {
    points: { frameId: string; pointInCamera: V3; pointInWorld: V3 }[]
    gripperFrameId?: string
  }
  warnings: string[]
}

async function sceneJson(file: string, ...more: string[]): Promise<SceneJson> {
  const out: string[] = []
  await runSceneCommand(parseCliArgs(['scene', ...flags(file, '--json', ...more)]), (t) =>
    out.push(t),
  )
  return JSON.parse(out.join('\n')) as SceneJson
}

describe('robot frames from an MCAP recording (CLI)', () => {
  it('loads the TF tree and the image frame id with the frame', async () => {
    const { frame, robot } = await loadMcapRobotFrame(
      { path: withTf, colorTopic: COLOR_TOPIC, depthTopic: DEPTH_TOPIC },
      () => {},
    )
    expect(frame.rgb.width).toBe(640)
    expect(robot?.cameraFrameId).toBe(CAMERA_FRAME)
    expect(robot?.tfTree.frameIds().sort()).toEqual(['base_link', CAMERA_FRAME, 'gripper'])
    const plain = await loadMcapRobotFrame(
      { path: withoutTf, colorTopic: COLOR_TOPIC, depthTopic: DEPTH_TOPIC },
      () => {},
    )
    expect(plain.robot).toBeUndefined()
  })

  it('scene --json lists the TF frames at their hand-computed places', async () => {
    const scene = await sceneJson(withTf)
    const points = scene.robotFrames!.points
    expect(points.map((p) => p.frameId).sort()).toEqual(['base_link', 'gripper'])
    const gripper = points.find((p) => p.frameId === 'gripper')!
    const base = points.find((p) => p.frameId === 'base_link')!
    gripper.pointInCamera.forEach((v, i) => expect(v).toBeCloseTo(GRIPPER_IN_CAMERA[i], 9))
    base.pointInCamera.forEach((v, i) => expect(v).toBeCloseTo(BASE_IN_CAMERA[i], 9))
    const expected = apply(scene.worldFromCamera, GRIPPER_IN_CAMERA)
    gripper.pointInWorld.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9))
    expect(scene.warnings.filter((w) => /TF|frame/.test(w))).toEqual([])
  }, 60_000)

  it('without TF in the recording the scene has no robot frames', async () => {
    expect((await sceneJson(withoutTf)).robotFrames).toBeUndefined()
  }, 60_000)

  it('--gripper-frame is carried, and an unknown one is a warning', async () => {
    expect((await sceneJson(withTf, '--gripper-frame', 'base_link')).robotFrames).toMatchObject({
      gripperFrameId: 'base_link',
    })
    const wrong = await sceneJson(withTf, '--gripper-frame', 'tool9')
    expect(wrong.warnings.join('\n')).toMatch(/gripper frame "tool9" is not in the TF tree/)
    expect(() => parseCliArgs(['scene', '--rgb', 'a.png', '--gripper-frame', 'x'])).toThrow(
      /--gripper-frame .* with --mcap/,
    )
  }, 60_000)

  it('ask "how far is the gripper from …" measures from the frame origin', async () => {
    const scene = await sceneJson(withTf)
    const target = scene.objects[0]
    const ask = async (...more: string[]) => {
      const out: string[] = []
      const args = parseCliArgs(['ask', ...flags(withTf, '--json', ...more)])
      const code = await runAskCommand(args, (t) => out.push(t))
      return { code, answer: JSON.parse(out.join('\n')) }
    }
    const { code, answer } = await ask(`how far is the gripper from the ${target.name}`)
    expect(code).toBe(0)
    expect(answer.kind).toBe('distance')
    // Centre to centre; the distance is rigid, so camera-frame coordinates give it.
    expect(answer.value).toBeCloseTo(dist(GRIPPER_IN_CAMERA, target.centerInCamera), 6)
    expect(answer.provenance.method).toMatch(/measured from the frame's origin/i)
    // A configured gripper frame is what "the end effector" means (a frame literally named "gripper" is its own name).
    const configured = await ask(
      '--gripper-frame',
      'base_link',
      `how far is the end effector from the ${target.name}`,
    )
    expect(configured.answer.value).toBeCloseTo(dist(BASE_IN_CAMERA, target.centerInCamera), 6)
    expect(configured.answer.text).toContain('TF frame "base_link"')
  }, 120_000)
})
