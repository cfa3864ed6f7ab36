/**
 * LangChain tools over ONE scene (a frame's tools see only that frame's scene). Thin wrappers: every number comes
 * from an engine function (main/engine/answers, main/engine/reasoning); no geometry here.
 * Results are JSON strings; lengths are metres in keys ending `_m` (volumes `_m3`, angles `_deg`).
 * Failures (unknown/ambiguous object, no depth, …) are returned as strings starting with "Error:" so the model can
 * read them and recover.
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import {
  answerPredicate,
  directionClock,
  fitsBetween,
  volumeOf,
  type PredicateKind,
} from '../engine/answers'
import { convertLength, objectAtPixel, pointAtPixel, type LengthUnit } from '../engine/reasoning'
import type { DepthImage, RgbImage, Scene } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import {
  LENGTH_UNITS,
  MEASURE_QUANTITIES,
  measureAnswer,
  objectArg,
  objectSummary,
  r2,
  r4,
  RELATIONS,
  resolve,
  safe,
  ToolFailure,
  type MeasureQuantity,
} from './toolSupport'
import { pairTool } from './pairTool'
import { whatIfMove, type WhatIfInput } from './whatIfTool'
import { createVisualTools } from './visualTools'
import { createGrammarTools } from './grammarTools'
import { createVerifyTool } from './verifyTool'

export {
  MEASURE_QUANTITIES,
  RELATIONS,
  TOOL_ERROR_PREFIX,
  type MeasureQuantity,
} from './toolSupport'
export type { WhatIfInput } from './whatIfTool'
export { NO_VLM_MESSAGE, VISUAL_TOOL_NAMES } from './visualTools'

/** Options of {@link createSpatialTools}. */
export interface SpatialToolOptions {
  /** The frame's depth in metres, for point_at_pixel (intrinsics and worldFromCamera come from the scene). */
  depth?: DepthImage
  /** A vision-language model; with `image`, adds the visual tools (ask_image, describe_object, …). */
  vlm?: VisionLanguageModel
  /** The frame's colour image the scene was lifted from, for the visual tools. */
  image?: RgbImage
  /** Aborts the visual tools' decoding between steps. */
  signal?: AbortSignal
}

/** Whether these options give the visual tools (a vision-language model and the frame's image). */
export function hasVisualTools(options: SpatialToolOptions): boolean {
  return options.vlm !== undefined && options.image !== undefined
}

const quantityArg = z
  .enum(MEASURE_QUANTITIES)
  .describe(
    'distance: centre to centre (3D); gap: closest surfaces; horizontal_distance / vertical_distance: centres',
  )

/**
 * Build the spatial tools for one scene.
 * @returns list_objects, measure, object_size, relation, direction, fits_between, what_if_move, point_at_pixel,
 *   convert_units, and the grammar's distance_from_camera, elevation, count_objects, rank_objects, then verify_relation
 *   (SpatialEnsemble); with a vision-language model and the image also ask_image, describe_object,
 *   find_object_by_description (see visualTools).
 */
export function createSpatialTools(
  scene: Scene,
  options: SpatialToolOptions = {},
): StructuredToolInterface[] {
  const listObjects = tool(
    safe(() => ({
      frame: 'world: z up, x right, y forward, metres',
      objects: scene.objects.map(objectSummary),
    })),
    {
      name: 'list_objects',
      description: 'List the objects of the scene: names, labels, box centres and sizes (metres).',
      schema: z.object({}),
    },
  )

  const measure = pairTool(scene, {
    name: 'measure',
    description:
      'Measure between objects A and B in metres: distance, gap (closest surfaces), horizontal_distance, vertical_distance.',
    kindKey: 'quantity',
    kindArg: quantityArg,
    ask: (quantity: MeasureQuantity, a, b) => {
      const ans = measureAnswer(scene, quantity, a, b)
      return { value_m: r4(ans.value as number), text: ans.text }
    },
  })

  const objectSize = tool(
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

  const relation = pairTool(scene, {
    name: 'relation',
    description:
      'Whether "A <relation> B" holds, e.g. relation=left: is A left of B? (left/right/above/below/front/behind/wider/thinner/bigger/smaller/taller/shorter).',
    kindKey: 'relation',
    kindArg: z.enum(RELATIONS),
    ask: (relation: PredicateKind, a, b) => {
      const ans = answerPredicate(scene, relation, a, b)
      return { holds: ans.value === true, text: ans.text }
    },
  })

  const direction = tool(
    safe((i: { from: string; to: string }) => {
      const a = resolve(scene, i.from)
      const b = resolve(scene, i.to)
      const ans = directionClock(scene, a, b)
      return {
        from: a.name,
        to: b.name,
        clock_hour: ans.value,
        angle_deg: r2(ans.detail?.angleDeg ?? NaN),
        text: ans.text,
      }
    }),
    {
      name: 'direction',
      description:
        "Clock direction of object 'to' seen from object 'from' (12 = forward, 3 = right), seen from above.",
      schema: z.object({ from: objectArg, to: objectArg }),
    },
  )

  const fits = tool(
    safe((i: { a: string; b: string; width_m: number }) => {
      const a = resolve(scene, i.a)
      const b = resolve(scene, i.b)
      if (!(i.width_m > 0)) throw new ToolFailure('width_m must be a positive number of metres')
      const ans = fitsBetween(scene, a, b, i.width_m)
      const d = ans.detail ?? {}
      return {
        a: a.name,
        b: b.name,
        fits: ans.value,
        required_width_m: i.width_m,
        free_gap_m: r4(d.gapM ?? NaN),
        narrowest_gap_m: r4(d.narrowestGapM ?? NaN),
        text: ans.text,
      }
    }),
    {
      name: 'fits_between',
      description:
        'Whether something width_m metres wide fits between objects A and B (free gap along the line joining them).',
      schema: z.object({
        a: objectArg,
        b: objectArg,
        width_m: z.number().describe('width in metres'),
      }),
    },
  )

  const whatIf = tool(
    safe((i: WhatIfInput) => whatIfMove(scene, i)),
    {
      name: 'what_if_move',
      description:
        'Hypothetically move an object (dx_m/dy_m/dz_m in the world frame, or distance_m toward another object, optional yaw_deg) and re-measure it against measure_to (default: the toward object). The real scene is unchanged.',
      schema: z.object({
        object: objectArg,
        dx_m: z.number().optional().describe('metres along world x (right)'),
        dy_m: z.number().optional().describe('metres along world y (forward)'),
        dz_m: z.number().optional().describe('metres along world z (up)'),
        toward: z
          .string()
          .optional()
          .describe('move toward this object (horizontally) by distance_m'),
        distance_m: z
          .number()
          .optional()
          .describe('metres to move toward `toward` (negative: away)'),
        yaw_deg: z.number().optional().describe('extra rotation about the vertical axis, degrees'),
        measure_to: z.string().optional().describe('object to measure against after the move'),
        quantity: quantityArg.optional(),
      }),
    },
  )

  const point = tool(
    safe((i: { u: number; v: number }) => {
      if (!options.depth)
        throw new ToolFailure('this frame has no depth image, so pixel queries are unavailable')
      const p = pointAtPixel(options.depth, scene.intrinsics, scene.worldFromCamera, i.u, i.v)
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

  const convert = tool(
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

  const spatial = [
    listObjects,
    measure,
    objectSize,
    relation,
    direction,
    fits,
    whatIf,
    point,
    convert,
    ...createGrammarTools(scene),
    createVerifyTool(scene, { vlm: options.vlm, image: options.image, signal: options.signal }),
  ] as StructuredToolInterface[]
  if (!hasVisualTools(options)) return spatial
  return [
    ...spatial,
    ...createVisualTools(scene, {
      vlm: options.vlm!,
      image: options.image!,
      signal: options.signal,
    }),
  ]
}
