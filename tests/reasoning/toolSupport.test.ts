/**
 * Name resolution of the LLM tools through the grammar's references: robot TF frames ("the gripper", "tool0"),
 * a descriptor that singles out one of several matches, and misspelt words — while exact names still come first
 * and synonyms stay the model's job ("cup" is not silently the mug).
 */
import { describe, expect, it } from 'vitest'
import { runTool } from '../../main/reasoning/guard'
import { createSpatialTools } from '../../main/reasoning/spatialTools'
import { resolve } from '../../main/reasoning/toolSupport'
import { robotFramesInScene } from '../../main/engine/tf/robotFrames'
import { TfTree } from '../../main/engine/tf/tfTree'
import type { Scene, Vec3 } from '../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'

const gt = loadGroundTruth()
const base = sceneFromGroundTruth(gt)
/** Where tool0 goes, world frame, metres. */
const TOOL_IN_WORLD: Vec3 = [-0.08, 0.75, 0.05]

/** The camera point of a world point from the ground truth's pose: Rᵀ (p − t). */
function cameraPoint(p: Vec3): Vec3 {
  const R = gt.camera.R_world_from_camera
  const t = gt.camera.t_world_from_camera
  const d = [p[0] - t[0], p[1] - t[1], p[2] - t[2]]
  return [0, 1, 2].map((c) => R[0][c] * d[0] + R[1][c] * d[1] + R[2][c] * d[2]) as Vec3
}

function withTool0(): Scene {
  const tree = new TfTree()
  const stamp = {
    rotation: [0, 0, 0, 1] as [number, number, number, number],
    timeNs: 0n,
    isStatic: true,
  }
  tree.add({ parentFrameId: 'base', childFrameId: 'cam', translationM: [0, 0, 0], ...stamp })
  tree.add({
    parentFrameId: 'cam',
    childFrameId: 'tool0',
    translationM: cameraPoint(TOOL_IN_WORLD),
    ...stamp,
  })
  return { ...base, robotFrames: robotFramesInScene(base, tree, 'cam', 0n) }
}

const scene = withTool0()
const call = async (name: string, args: Record<string, unknown>): Promise<any> => {
  const s = await runTool(createSpatialTools(scene), name, args)
  return s.startsWith('Error:') ? s : JSON.parse(s)
}

describe('tool name resolution', () => {
  it('"the gripper" and "tool0" are the TF frame; measure works from its origin', async () => {
    expect(resolve(scene, 'the gripper').description).toMatch(/TF frame "tool0"/)
    expect(resolve(scene, 'tool0').name).toBe('tool0')
    const mug = gt.objects.find((o) => o.name === 'mug')!
    const r = await call('measure', { quantity: 'distance', a: 'gripper', b: 'mug' })
    // Hand-computed from the placed origin and the ground-truth mug centre (0.2 m: same x and z, 20 cm in y).
    const expected = Math.hypot(...TOOL_IN_WORLD.map((v, i) => v - mug.centre_world[i]))
    expect(expected).toBeCloseTo(0.2, 12)
    expect(r.value_m).toBeCloseTo(expected, 4)
  })

  it('list_objects names the robot frames with their origins', async () => {
    const r = await call('list_objects', {})
    expect(r.robot_frames).toEqual([
      { name: 'base', frame_id: 'base', origin_m: expect.any(Array) },
      {
        name: 'tool0',
        frame_id: 'tool0',
        origin_m: TOOL_IN_WORLD.map((v) => Math.round(v * 1e4) / 1e4),
      },
    ])
    expect(
      (await runTool(createSpatialTools(base), 'list_objects', {})).includes('robot_frames'),
    ).toBe(false)
  })

  it('corrects a misspelt word and narrows an ambiguous label by a descriptor', () => {
    expect(resolve(scene, 'botle').name).toBe('bottle')
    expect(resolve(scene, 'the laptpo').name).toBe('laptop')
    expect(resolve(scene, 'the tall box').name).toBe('box_tall')
  })

  it('keeps refusing what it cannot settle, listing objects and robot frames', () => {
    expect(() => resolve(scene, 'cup')).toThrow(
      /unknown object "cup"\. Known objects: .*"mug".* Robot TF frames \(points\): "base", "tool0"/,
    )
    expect(() => resolve(scene, 'box')).toThrow(/matches several objects: "box_small", "box_tall"/)
  })
})
