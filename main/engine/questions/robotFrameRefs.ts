/**
 * Robot TF frames as references of the grammar: "tool0", "the base link", and the words people use for the end
 * effector ("the gripper", "the end effector", "the tool", "the hand", "the TCP"). A frame is a point — its
 * origin — so it becomes a zero-size object at that origin: distances and gaps are measured from the origin,
 * and size questions about it are refused. World frame, metres. Pure TypeScript.
 */

import type { RobotFramePoint } from '../tf/robotFrames'
import type { Scene, SceneObject } from '../types'

/** Words meaning the robot's end effector (after articles are removed). */
export const GRIPPER_WORDS = [
  'gripper',
  'robot gripper',
  "robot's gripper",
  'end effector',
  'endeffector',
  'eef',
  'ee',
  'tool',
  'tool flange',
  'flange',
  'tcp',
  'tool centre point',
  'tool center point',
  'hand',
  'robot hand',
  'fingers',
  'gripper fingers',
]

/** Frame ids that look like an end effector, most specific first. */
const GRIPPER_FRAME_PATTERNS = [
  /(^|_)tcp($|_)/,
  /gripper/,
  /^tool0$|(^|_)tool($|_|0)/,
  /(^|_)(ee|eef|end_effector)($|_|_link)/,
  /hand/,
]

/** Label of the zero-size objects that stand for robot frames. */
export const ROBOT_FRAME_LABEL = 'robot frame'

const cache = new WeakMap<RobotFramePoint, SceneObject>()

/** The zero-size object standing for a frame's origin (the same object for the same frame). */
function frameObject(f: RobotFramePoint, index: number): SceneObject {
  const hit = cache.get(f)
  if (hit) return hit
  const o: SceneObject = {
    id: -1 - index,
    name: f.name,
    label: ROBOT_FRAME_LABEL,
    description: `origin of the robot's TF frame "${f.frameId}" (a point)`,
    origin: 'region',
    pointCount: 0,
    colorRgb: [255, 255, 255],
    pixelIndices: new Uint32Array(0),
    centerInWorld: [...f.pointInWorld],
    centerInCamera: [...f.pointInCamera],
    sizeM: { width: 0, depth: 0, height: 0 },
    yawRad: 0,
  }
  cache.set(f, o)
  return o
}

/** Whether an object stands for a robot frame's origin (see {@link resolveRobotFrame}). */
export function isRobotFrameObject(o: SceneObject): boolean {
  return o.label === ROBOT_FRAME_LABEL && o.id < 0 && o.pointCount === 0
}

const key = (s: string): string => s.toLowerCase().replace(/^\//, '').replace(/[_/-]/g, ' ').trim()

/** Frames the gripper words mean: the configured one, else the most specific name pattern that matches. */
function gripperFrames(scene: Scene): RobotFramePoint[] {
  const frames = scene.robotFrames
  if (!frames) return []
  if (frames.gripperFrameId !== undefined) {
    const id = frames.gripperFrameId.replace(/^\//, '')
    return frames.points.filter((p) => p.frameId === id)
  }
  for (const re of GRIPPER_FRAME_PATTERNS) {
    const hits = frames.points.filter((p) => re.test(p.frameId.toLowerCase()))
    if (hits.length > 0) return hits
  }
  return []
}

/** A reference to robot frames: one (an object at its origin) or several (ambiguous), with how it was named. */
export type FrameReference =
  { kind: 'frame'; object: SceneObject; via: string } | { kind: 'frames'; objects: SceneObject[] }

/**
 * The robot frame a cleaned reference phrase names, by frame id ("tool0", "base link", "the tool0 frame") or by
 * a gripper word; null when the scene has no frames or the phrase names none.
 */
export function resolveRobotFrame(scene: Scene, phrase: string): FrameReference | null {
  const frames = scene.robotFrames?.points ?? []
  if (frames.length === 0) return null
  const p = key(phrase)
    .replace(/^(?:robot(?:'s)? )?(?:tf )?frame /, '')
    .replace(/ (?:tf )?frame$/, '')
  const index = (f: RobotFramePoint) => frames.indexOf(f)
  const byId = frames.filter((f) => key(f.frameId) === p || key(f.name) === p)
  if (byId.length === 1)
    return { kind: 'frame', object: frameObject(byId[0], index(byId[0])), via: 'TF frame id' }
  if (!GRIPPER_WORDS.includes(p)) return null
  const g = gripperFrames(scene)
  if (g.length === 1) {
    const how = scene.robotFrames?.gripperFrameId !== undefined ? 'configured' : 'named like one'
    return {
      kind: 'frame',
      object: frameObject(g[0], index(g[0])),
      via: `"${p}" means the end-effector frame "${g[0].frameId}" (${how})`,
    }
  }
  return g.length > 1 ? { kind: 'frames', objects: g.map((f) => frameObject(f, index(f))) } : null
}

/** The TF frame id behind a robot-frame object. */
export function frameIdOf(scene: Scene, o: SceneObject): string {
  const f = scene.robotFrames?.points.find((p) => cache.get(p) === o)
  return f?.frameId ?? o.name
}
