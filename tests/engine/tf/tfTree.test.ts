import { describe, expect, it } from 'vitest'
import { TfLookupError, TfTree } from '../../../main/engine/tf/tfTree'
import { applyTransform } from '../../../main/engine/tf/quat'
import type { Quat, TransformStamped } from '../../../main/engine/tf/types'
import { robotFramesInScene } from '../../../main/engine/tf/robotFrames'

const S = 1_000_000_000n
/** Rotation of `deg` degrees about +z. */
const yaw = (deg: number): Quat => [
  0,
  0,
  Math.sin((deg * Math.PI) / 360),
  Math.cos((deg * Math.PI) / 360),
]
const tf = (
  parent: string,
  child: string,
  t: [number, number, number],
  q: Quat,
  timeNs = 0n,
  isStatic = false,
): TransformStamped => ({
  parentFrameId: parent,
  childFrameId: child,
  translationM: t,
  rotation: q,
  timeNs,
  isStatic,
})

describe('TfTree', () => {
  it('chains static transforms: a point 1 m along the tool x axis, with the tool yawed 90° on a base 2 m up', () => {
    const tree = new TfTree()
    tree.add(tf('world', 'base', [0, 0, 2], [0, 0, 0, 1], 0n, true))
    tree.add(tf('base', 'tool0', [1, 0, 0], yaw(90), 0n, true))
    const worldFromTool = tree.lookup('world', 'tool0', 5n * S)
    // Hand-computed: tool x axis points along base +y; origin at (1, 0, 2).
    const p = applyTransform(worldFromTool, [1, 0, 0])
    expect(p[0]).toBeCloseTo(1, 12)
    expect(p[1]).toBeCloseTo(1, 12)
    expect(p[2]).toBeCloseTo(2, 12)
    // And the inverse direction maps it back.
    const q = applyTransform(tree.lookup('tool0', 'world', 0n), [1, 1, 2])
    expect(q.map((v) => Number(v.toFixed(9)))).toEqual([1, 0, 0])
  })

  it('chains between siblings through their common parent', () => {
    const tree = new TfTree()
    tree.add(tf('base', 'camera', [0, 0, 1], [0, 0, 0, 1], 0n, true))
    tree.add(tf('/base', 'gripper', [0.5, 0, 0], [0, 0, 0, 1], 0n, true)) // leading slash ignored (ROS 1)
    const p = applyTransform(tree.lookup('camera', 'gripper', 0n), [0, 0, 0])
    expect(p).toEqual([0.5, 0, -1])
  })

  it('interpolates dynamic transforms linearly in translation and by slerp in rotation', () => {
    const tree = new TfTree()
    tree.add(tf('odom', 'base', [0, 0, 0], yaw(0), 10n * S))
    tree.add(tf('odom', 'base', [2, 0, 0], yaw(90), 12n * S))
    const mid = tree.lookup('odom', 'base', 11n * S)
    expect(mid.translationM[0]).toBeCloseTo(1, 12)
    // Halfway between 0° and 90° about z is 45°: the x axis maps to (cos45, sin45).
    const axis = applyTransform({ translationM: [0, 0, 0], rotation: mid.rotation }, [1, 0, 0])
    expect(axis[0]).toBeCloseTo(Math.SQRT1_2, 12)
    expect(axis[1]).toBeCloseTo(Math.SQRT1_2, 12)
  })

  it('refuses to extrapolate past the data and says by how much', () => {
    const tree = new TfTree()
    tree.add(tf('odom', 'base', [0, 0, 0], yaw(0), 10n * S))
    tree.add(tf('odom', 'base', [1, 0, 0], yaw(0), 11n * S))
    expect(() => tree.lookup('odom', 'base', 13n * S)).toThrow(/2\.000 s after its data/)
    const tolerant = new TfTree({ extrapolationToleranceNs: 3n * S })
    tolerant.add(tf('odom', 'base', [1, 0, 0], yaw(0), 11n * S))
    expect(tolerant.lookup('odom', 'base', 13n * S).translationM).toEqual([1, 0, 0])
  })

  it('names unknown and unconnected frames', () => {
    const tree = new TfTree()
    tree.add(tf('a', 'b', [0, 0, 0], [0, 0, 0, 1], 0n, true))
    tree.add(tf('c', 'd', [0, 0, 0], [0, 0, 0, 1], 0n, true))
    expect(() => tree.lookup('a', 'gripper', 0n)).toThrow(TfLookupError)
    expect(() => tree.lookup('a', 'gripper', 0n)).toThrow(/"gripper" is not in the TF tree/)
    expect(() => tree.lookup('b', 'd', 0n)).toThrow(/not connected/)
  })

  it('rejects a zero quaternion and a self-loop instead of storing NaN', () => {
    const tree = new TfTree()
    expect(() => tree.add(tf('a', 'b', [0, 0, 0], [0, 0, 0, 0]))).toThrow(/no rotation/)
    expect(() => tree.add(tf('a', 'a', [0, 0, 0], [0, 0, 0, 1]))).toThrow(/to itself/)
  })

  it('clearDynamic forgets moving frames and keeps static ones', () => {
    const tree = new TfTree()
    tree.add(tf('base', 'camera', [0, 0, 1], [0, 0, 0, 1], 0n, true))
    tree.add(tf('base', 'gripper', [1, 0, 0], [0, 0, 0, 1], 5n * S))
    tree.clearDynamic()
    expect(tree.hasFrame('gripper')).toBe(false)
    expect(tree.lookup('base', 'camera', 0n).translationM).toEqual([0, 0, 1])
    expect(tree.sampleCount()).toBe(1)
  })

  it('keeps only the cache window of dynamic samples when asked', () => {
    const tree = new TfTree({ cacheDurationNs: 2n * S })
    for (let t = 0n; t <= 10n; t++)
      tree.add(tf('odom', 'base', [Number(t), 0, 0], [0, 0, 0, 1], t * S))
    expect(tree.lookup('odom', 'base', 9n * S).translationM[0]).toBeCloseTo(9, 12)
    expect(() => tree.lookup('odom', 'base', 3n * S)).toThrow(/before its data/)
  })
})

describe('robotFramesInScene', () => {
  it('places the gripper origin in the scene world frame through the camera optical frame', () => {
    const tree = new TfTree()
    // Camera optical frame: z forward. The gripper sits 0.4 m in front of the camera and 0.1 m to its right.
    tree.add(tf('base_link', 'camera_color_optical_frame', [0, 0, 1], [0, 0, 0, 1], 0n, true))
    tree.add(tf('base_link', 'gripper', [0.1, 0, 1.4], [0, 0, 0, 1], 0n, true))
    // Scene world: translate camera points by (0, 0, 2) (a hand-built worldFromCamera, column-major).
    const worldFromCamera = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 2, 1])
    const result = robotFramesInScene({ worldFromCamera }, tree, 'camera_color_optical_frame', 0n, [
      'gripper',
      'base_link',
    ])
    const gripper = result.points.find((p) => p.frameId === 'gripper')!
    expect(gripper.pointInCamera.map((v) => Number(v.toFixed(9)))).toEqual([0.1, 0, 0.4])
    expect(gripper.pointInWorld.map((v) => Number(v.toFixed(9)))).toEqual([0.1, 0, 2.4])
    expect(result.points.find((p) => p.frameId === 'base_link')!.name).toBe('base link')
    expect(() => robotFramesInScene({ worldFromCamera }, tree, 'camera_link', 0n)).toThrow(
      /camera frame "camera_link"/,
    )
  })
})
