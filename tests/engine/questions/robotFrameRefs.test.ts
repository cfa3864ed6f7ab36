import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../main/engine/answers'
import { parseQuery } from '../../../main/engine/questions/parse'
import { robotFramesInScene } from '../../../main/engine/tf/robotFrames'
import { TfTree } from '../../../main/engine/tf/tfTree'
import type { TransformStamped } from '../../../main/engine/tf/types'
import type { Scene, Vec3 } from '../../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth } from '../answers/sceneFromGroundTruth'

const gt = loadGroundTruth()
const base = sceneFromGroundTruth(gt)

/** Where we want the tool0 origin, world frame: 20 cm in front of the mug's centre (toward the camera), mid-height. */
const TOOL_IN_WORLD: Vec3 = [-0.08, 0.75, 0.05]

/** Camera-frame point of a world point, from the ground truth's camera pose: R^T (p − t). */
function cameraPoint(p: Vec3): Vec3 {
  const R = gt.camera.R_world_from_camera
  const t = gt.camera.t_world_from_camera
  const d = [p[0] - t[0], p[1] - t[1], p[2] - t[2]]
  return [0, 1, 2].map((c) => R[0][c] * d[0] + R[1][c] * d[1] + R[2][c] * d[2]) as Vec3
}

const tf = (parent: string, child: string, t: Vec3): TransformStamped => ({
  parentFrameId: parent,
  childFrameId: child,
  translationM: t,
  rotation: [0, 0, 0, 1],
  timeNs: 0n,
  isStatic: true,
})

/** A TF tree: the camera's optical frame and the arm's flange hang off base_link; tool0 and the hand off the flange. */
function sceneWithFrames(extra: TransformStamped[] = [], gripperFrameId?: string): Scene {
  const tree = new TfTree()
  const cam: Vec3 = [0.2, 0, 1]
  const pc = cameraPoint(TOOL_IN_WORLD)
  tree.add(tf('base_link', 'camera_color_optical_frame', cam))
  tree.add(tf('base_link', 'panda_link8', [cam[0], cam[1], cam[2] + pc[2] - 0.1]))
  tree.add(tf('panda_link8', 'tool0', [pc[0], pc[1], 0.1]))
  tree.add(tf('panda_link8', 'panda_hand', [pc[0], pc[1], 0.05]))
  for (const t of extra) tree.add(t)
  const { points } = robotFramesInScene(base, tree, 'camera_color_optical_frame', 0n)
  return { ...base, robotFrames: { points, ...(gripperFrameId ? { gripperFrameId } : {}) } }
}

const scene = sceneWithFrames()
const mug = gt.objects.find((o) => o.name === 'mug')!

describe('robot TF frames as references', () => {
  it('places tool0 where the tree puts it', () => {
    const tool = scene.robotFrames!.points.find((p) => p.frameId === 'tool0')!
    tool.pointInWorld.forEach((v, i) => expect(v).toBeCloseTo(TOOL_IN_WORLD[i], 9))
  })

  it('"how far is the gripper from the mug": frame origin to the mug centre, and says so', () => {
    const a = answerQuestion(scene, 'how far is the gripper from the mug')
    // Hand-computed: the origin is 20 cm in front of the mug centre at the same x and z.
    expect(a.kind).toBe('distance')
    expect(a.value as number).toBeCloseTo(0.2, 9)
    expect(a.text).toContain('TF frame "tool0"')
    expect(a.provenance.method).toMatch(/measured from the frame's origin/)
    expect(mug.centre_world[1] - TOOL_IN_WORLD[1]).toBeCloseTo(0.2, 12)
  })

  it.each([
    ['how far is tool0 from the mug', 'tool0'],
    ['how far is the end effector from the mug', 'tool0'],
    ['how far is the tool0 frame from the mug', 'tool0'],
    ['distance between the panda hand and the mug', 'panda_hand'],
  ])('%s → frame %s', (q, frame) => {
    const a = answerQuestion(scene, q)
    expect(a.value, a.text).not.toBeNull()
    expect(a.text).toContain(`TF frame "${frame}"`)
  })

  it('a configured gripper frame wins over names', () => {
    const s = sceneWithFrames([], 'panda_hand')
    const a = answerQuestion(s, 'how far is the gripper from the mug')
    expect(a.text).toContain('TF frame "panda_hand"')
    // The hand is tool0 moved 5 cm back along the camera's optical axis (column 2 of R_world_from_camera).
    const R = gt.camera.R_world_from_camera
    const hand = [0, 1, 2].map((r) => TOOL_IN_WORLD[r] - 0.05 * R[r][2])
    expect(a.value as number).toBeCloseTo(
      Math.hypot(...hand.map((v, i) => v - mug.centre_world[i])),
      9,
    )
  })

  it('two gripper-like frames are ambiguous, and say which', () => {
    const s = sceneWithFrames([
      tf('panda_link8', 'left_gripper', [0, 0, 0.1]),
      tf('panda_link8', 'right_gripper', [0, 0, 0.12]),
    ])
    const a = answerQuestion(s, 'how far is the gripper from the mug')
    expect(a.kind).toBe('ambiguous_object')
    expect(a.detail?.candidates).toEqual(['left gripper', 'right gripper'])
  })

  it('"is the mug within 10 cm of tool0": closest point of the mug box to the origin', () => {
    // Hand-computed: the mug box spans y 0.905…0.995 (9 cm diameter); the origin is at y 0.75 inside its x and z
    // ranges, so the closest distance is 0.905 − 0.75 = 15.5 cm.
    const no = answerQuestion(scene, 'is the mug within 10 cm of tool0')
    expect(no.kind).toBe('within')
    expect(no.value).toBe(false)
    expect(no.detail?.gapM as number).toBeCloseTo(0.155, 9)
    expect(no.text).toMatch(/measured from the frame's origin/i)
    expect(answerQuestion(scene, 'is the mug within 20 cm of the gripper?').value).toBe(true)
  })

  it('a frame is a point: size questions about it are refused, not answered with 0', () => {
    for (const q of ['how tall is the gripper', 'is the gripper bigger than the mug']) {
      const a = answerQuestion(scene, q)
      expect(a.kind, q).toBe('unsupported')
      expect(a.text).toMatch(/a point/)
    }
  })

  it('without TF frames, "the gripper" is an unknown name', () => {
    expect(answerQuestion(base, 'how far is the gripper from the mug').kind).toBe('unknown_object')
  })

  it('"will the gripper clear the bottle if it moves 10 cm forward": yes, and by how much', () => {
    const a = answerQuestion(scene, 'will the gripper clear the bottle if it moves 10 cm forward')
    expect(a.kind).toBe('what_if')
    expect(a.value).toBe(true)
    // Hand-computed: the origin ends at (-0.08, 0.85, 0.05); the bottle's box spans x 0.015…0.085, y 1.265…1.335
    // and z 0…0.25, so the closest gap is √(0.095² + 0.415²) at the end of the move.
    expect(a.detail?.gapM as number).toBeCloseTo(Math.hypot(0.095, 0.415), 9)
    expect(a.provenance.method).toMatch(/measured from the frame's origin/i)
    // Moving 20 cm forward it runs into the mug 15.5 cm along (1 mm steps).
    const hit = answerQuestion(scene, 'will the gripper hit the mug if it moves 20 cm forward')
    expect(hit.value).toBe(true)
    expect(hit.text).toMatch(/touches the mug after 15\.5 cm of the move/)
  })

  it('parses the what-if form into mover, obstacle and move', () => {
    expect(parseQuery('will the gripper clear the bottle if it moves 10 cm forward')).toMatchObject(
      {
        op: 'what_if',
        a: 'the gripper',
        b: 'the bottle',
        move: '10 cm forward',
        asks: 'clear',
      },
    )
  })
})
