/**
 * Tools about the frame rather than its objects: point_at_pixel (depth and 3D point at an image
 * pixel) and convert_units (lengths between m, cm, mm, in, ft).
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import { convertLength, objectAtPixel, pointAtPixel, type LengthUnit } from '../engine/reasoning'
import type { DepthImage, Scene } from '../engine/types'
import { LENGTH_UNITS, r4, safe, ToolFailure } from './toolSupport'

/** point_at_pixel over the frame's depth (metres); without depth it says pixel queries are unavailable. */
export function createPointAtPixelTool(
  scene: Scene,
  depth: DepthImage | undefined,
): StructuredToolInterface {
  return tool(
    safe((i: { u: number; v: number }) => {
      if (!depth)
        throw new ToolFailure('this frame has no depth image, so pixel queries are unavailable')
      const p = pointAtPixel(depth, scene.intrinsics, scene.worldFromCamera, i.u, i.v)
      if (!p)
        throw new ToolFailure(
          `no valid depth at or near pixel (${i.u}, ${i.v}); the image is ${scene.intrinsics.width}×${scene.intrinsics.height}`,
        )
      const o = objectAtPixel(scene, i.u, i.v)
      return {
        u: i.u,
        v: i.v,
        depth_m: r4(p.depthM),
        point_world_m: p.pointInWorld.map(r4),
        point_camera_m: p.pointInCamera.map(r4),
        object: o?.name ?? null,
      }
    }),
    {
      name: 'point_at_pixel',
      description:
        'Depth (metres) and 3D point at image pixel (u = column, v = row), world and camera frames, and the object there.',
      schema: z.object({ u: z.number(), v: z.number() }),
    },
  )
}

/** convert_units: a length from one unit to another. */
export function createConvertUnitsTool(): StructuredToolInterface {
  return tool(
    safe((i: { value: number; from: LengthUnit; to: LengthUnit }) => ({
      input_value: i.value,
      input_unit: i.from,
      value: r4(convertLength(i.value, i.from, i.to)),
      unit: i.to,
    })),
    {
      name: 'convert_units',
      description: 'Convert a length between m, cm, mm, in and ft.',
      schema: z.object({ value: z.number(), from: z.enum(LENGTH_UNITS), to: z.enum(LENGTH_UNITS) }),
    },
  )
}
