/**
 * Tools about the scene's objects one at a time: list_objects (names, centres, sizes) and
 * object_size (box and volume). Metres in keys ending `_m`, m³ in `_m3`.
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import { volumeOf } from '../engine/answers'
import type { Scene } from '../engine/types'
import { objectArg, objectSummary, r4, resolve, safe } from './toolSupport'

/** list_objects: every object of the scene in the world frame (metres). */
export function createListObjectsTool(scene: Scene): StructuredToolInterface {
  return tool(
    safe(() => ({
      frame: 'world: z up, x right, y forward, metres',
      objects: scene.objects.map(objectSummary),
      // Robot TF frames are points (their origins): tools measure from them by name ("gripper", "tool0").
      ...(scene.robotFrames?.points.length
        ? {
            robot_frames: scene.robotFrames.points.map((f) => ({
              name: f.name,
              frame_id: f.frameId,
              origin_m: f.pointInWorld.map(r4),
            })),
          }
        : {}),
    })),
    {
      name: 'list_objects',
      // Kept short: the tool descriptions share a small embedded model's context (robot_frames explain themselves).
      description: 'List the objects of the scene: names, labels, box centres and sizes (metres).',
      schema: z.object({}),
    },
  )
}

/** object_size: one object's box (metres) and volume (m³). */
export function createObjectSizeTool(scene: Scene): StructuredToolInterface {
  return tool(
    safe((i: { object: string }) => {
      const o = resolve(scene, i.object)
      const v = volumeOf(scene, o).value as number
      return {
        object: o.name,
        width_m: r4(o.sizeM.width),
        depth_m: r4(o.sizeM.depth),
        height_m: r4(o.sizeM.height),
        volume_m3: v,
      }
    }),
    {
      name: 'object_size',
      description: "An object's box size: width, depth, height (metres) and volume (m³).",
      schema: z.object({ object: objectArg }),
    },
  )
}
