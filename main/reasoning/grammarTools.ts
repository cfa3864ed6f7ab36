/**
 * LangChain tools over the question grammar's operations (main/engine/questions): distance from the camera,
 * elevation above the support surface, counting with a relation filter, and ranking (closest, tallest, …).
 * Thin wrappers: every number comes from the same operation functions the deterministic parser calls.
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import type { Answer } from '../engine/answers'
import {
  countObjects,
  distanceFromCamera,
  elevationAboveSurface,
  superlative,
} from '../engine/questions'
import { groupSlot, placeSlot, type Slot } from '../engine/questions/resolveSlots'
import type { Scene } from '../engine/types'
import { objectArg, r4, resolve, safe, ToolFailure } from './toolSupport'

/** Relations count_objects can filter by. */
export const COUNT_RELATIONS = [
  'on',
  'near',
  'left',
  'right',
  'front',
  'behind',
  'above',
  'below',
] as const
/** Quantities rank_objects can rank by. */
export const RANK_QUANTITIES = [
  'distance',
  'height',
  'width',
  'depth',
  'length',
  'volume',
  'left',
  'elevation',
] as const

function need<T>(slot: Slot<T>): T {
  if (!slot.ok) throw new ToolFailure(slot.answer.text)
  return slot.value
}

function result(a: Answer, extra: object = {}): object {
  return {
    value: typeof a.value === 'number' ? r4(a.value) : a.value,
    unit: a.unit,
    ...extra,
    method: a.provenance.method,
    text: a.text,
  }
}

/** The grammar tools for one scene: distance_from_camera, elevation, count_objects, rank_objects. */
export function createGrammarTools(scene: Scene): StructuredToolInterface[] {
  return [
    distanceFromCameraTool(scene),
    elevationTool(scene),
    countObjectsTool(scene),
    rankObjectsTool(scene),
  ]
}

/** distance_from_camera: centre to centre and to the closest box surface. */
function distanceFromCameraTool(scene: Scene): StructuredToolInterface {
  return tool(
    safe((i: { object: string }) => {
      const a = distanceFromCamera(scene, resolve(scene, i.object), '')
      return result(a, { closest_surface_m: r4(a.detail?.gapM ?? NaN) })
    }),
    {
      name: 'distance_from_camera',
      description:
        'Distance in metres from the camera to an object: centre to centre (value) and to its closest box surface.',
      schema: z.object({ object: objectArg }),
    },
  )
}

/** elevation: box bottom, centre or top above the support surface. */
function elevationTool(scene: Scene): StructuredToolInterface {
  return tool(
    safe((i: { object: string; level?: 'bottom' | 'top' | 'centre' }) =>
      result(elevationAboveSurface(scene, resolve(scene, i.object), i.level ?? 'bottom', null, '')),
    ),
    {
      name: 'elevation',
      description:
        "Height in metres of an object's box bottom (default), centre or top above the support surface (table or floor).",
      schema: z.object({
        object: objectArg,
        level: z.enum(['bottom', 'centre', 'top']).optional(),
      }),
    },
  )
}

/** count_objects: objects of a class, optionally with a relation to a reference. */
function countObjectsTool(scene: Scene): StructuredToolInterface {
  return tool(
    safe(
      (i: { what?: string; relation?: (typeof COUNT_RELATIONS)[number]; reference?: string }) => {
        const what = i.what ?? 'everything'
        const among = need(groupSlot(scene, '', what, `count ${what}`))
        if ((i.relation === undefined) !== (i.reference === undefined)) {
          throw new ToolFailure('give both relation and reference, or neither')
        }
        const filter =
          i.relation && i.reference
            ? { relation: i.relation, to: need(placeSlot(scene, '', i.reference, 'count')) }
            : null
        return result(countObjects(scene, among, what, filter, ''), {})
      },
    ),
    {
      name: 'count_objects',
      description:
        'Count objects by class word (e.g. "boxes", "cups", "everything"), optionally only those with a relation to a reference ("on" "table", "left" "mug", "near" "laptop").',
      schema: z.object({
        what: z.string().optional().describe('class word or plural, default everything'),
        relation: z.enum(COUNT_RELATIONS).optional(),
        reference: z
          .string()
          .optional()
          .describe('object name, "table"/"floor" (support surface) or "camera"'),
      }),
    },
  )
}

/** rank_objects: the object with the smallest or largest quantity. */
function rankObjectsTool(scene: Scene): StructuredToolInterface {
  return tool(
    safe(
      (i: {
        quantity: (typeof RANK_QUANTITIES)[number]
        extreme: 'min' | 'max'
        among?: string
        from?: string
      }) => {
        const among = need(groupSlot(scene, '', i.among ?? 'everything', 'rank'))
        const from = i.from
          ? need(placeSlot(scene, '', i.from, 'rank'))
          : { kind: 'camera' as const }
        const pool = from.kind === 'object' ? among.filter((o) => o !== from.object) : among
        if (pool.length === 0) throw new ToolFailure('nothing to rank')
        const a = superlative(scene, pool, i.quantity, i.extreme, from, '')
        return result(a, { ranked: a.detail?.names ?? [], best_value: r4(a.detail?.valueA ?? NaN) })
      },
    ),
    {
      name: 'rank_objects',
      description:
        'The object with the smallest (min) or largest (max) quantity: distance (from `from`, default the camera, centre to centre), height, width, depth, length, volume, left (world x), elevation (top above the surface).',
      schema: z.object({
        quantity: z.enum(RANK_QUANTITIES),
        extreme: z.enum(['min', 'max']),
        among: z.string().optional().describe('class word or plural, default everything'),
        from: z.string().optional().describe('object name or "camera", for distance'),
      }),
    },
  )
}
