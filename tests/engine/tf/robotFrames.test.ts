/** withRobotFrames: a scene gets the TF frames at its own stamp, with the reasons for any it cannot place. */
import { describe, expect, it } from 'vitest'
import { withRobotFrames } from '../../../main/engine/tf/robotFrames'
import { TfTree } from '../../../main/engine/tf/tfTree'
import type { TransformStamped } from '../../../main/engine/tf/types'
import type { Scene, Vec3 } from '../../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth } from '../answers/sceneFromGroundTruth'

const gt = loadGroundTruth()
const scene: Scene = { ...sceneFromGroundTruth(gt), timestampNs: 10n }

const tf = (
  parent: string,
  child: string,
  t: Vec3,
  timeNs = 0n,
  isStatic = true,
): TransformStamped => ({
  parentFrameId: parent,
  childFrameId: child,
  translationM: t,
  rotation: [0, 0, 0, 1],
  timeNs,
  isStatic,
})

/** R p + t with the ground truth's camera pose (independent of the engine). */
function worldOf(p: Vec3): Vec3 {
  const R = gt.camera.R_world_from_camera
  const t = gt.camera.t_world_from_camera
  return [0, 1, 2].map((r) => R[r][0] * p[0] + R[r][1] * p[1] + R[r][2] * p[2] + t[r]) as Vec3
}

describe('withRobotFrames', () => {
  it('leaves a scene without TF as it is', () => {
    expect(withRobotFrames(scene, { tfTree: new TfTree(), cameraFrameId: 'cam' })).toBe(scene)
  })

  it('places frames at the scene stamp in its world frame, keeping the configured gripper', () => {
    const tree = new TfTree()
    tree.add(tf('base', 'cam', [0, 0, 1]))
    // The hand at t = 0 and t = 20: at the scene's t = 10 it is halfway, (0.2, 0, 1.5) in base → (0.2, 0, 0.5).
    tree.add(tf('base', 'hand', [0.1, 0, 1.5], 0n, false))
    tree.add(tf('base', 'hand', [0.3, 0, 1.5], 20n, false))
    const out = withRobotFrames(scene, {
      tfTree: tree,
      cameraFrameId: '/cam',
      gripperFrameId: 'hand',
    })
    expect(out.robotFrames?.gripperFrameId).toBe('hand')
    const hand = out.robotFrames!.points.find((p) => p.frameId === 'hand')!
    const expected = worldOf([0.2, 0, 0.5])
    hand.pointInWorld.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12))
    expect(out.warnings).toEqual(scene.warnings)
    expect(scene.robotFrames).toBeUndefined()
  })

  it('says which frames it cannot place and why', () => {
    const tree = new TfTree()
    tree.add(tf('base', 'cam', [0, 0, 1]))
    tree.add(tf('base', 'late', [0, 0, 0], 50n, false)) // only after the scene's stamp: no extrapolation
    const out = withRobotFrames(scene, {
      tfTree: tree,
      cameraFrameId: 'cam',
      gripperFrameId: 'tool9',
    })
    expect(out.robotFrames!.points.map((p) => p.frameId)).toEqual(['base'])
    expect(out.warnings.join('\n')).toMatch(/late/)
    expect(out.warnings.join('\n')).toMatch(/gripper frame "tool9" is not in the TF tree/)
    const lost = withRobotFrames(scene, { tfTree: tree, cameraFrameId: 'other' })
    expect(lost.robotFrames).toBeUndefined()
    expect(lost.warnings.at(-1)).toMatch(/camera frame "other" is not in the TF tree/)
  })
})
