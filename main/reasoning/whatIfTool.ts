/**
 * The what_if_move tool: move an object hypothetically (engine whatIf) and re-measure on the moved scene.
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import { moveObject, moveToward, type MovedScene } from '../engine/reasoning'
import type { Scene, SceneObject } from '../engine/types'
import {
  deg,
  measureAnswer,
  objectArg,
  quantityArg,
  r4,
  resolve,
  safe,
  ToolFailure,
  type MeasureQuantity,
} from './toolSupport'

/** Input of what_if_move. */
export interface WhatIfInput {
  object: string
  dx_m?: number
  dy_m?: number
  dz_m?: number
  toward?: string
  distance_m?: number
  yaw_deg?: number
  measure_to?: string
  quantity?: MeasureQuantity
}

/** Move, then measure against `measure_to` (default: `toward`); the input scene is unchanged. */
export function whatIfMove(scene: Scene, i: WhatIfInput): object {
  const o = resolve(scene, i.object)
  const yawDeltaRad = ((i.yaw_deg ?? 0) * Math.PI) / 180
  const hasDelta = i.dx_m !== undefined || i.dy_m !== undefined || i.dz_m !== undefined
  let moved: MovedScene
  if (i.toward !== undefined) {
    if (hasDelta)
      throw new ToolFailure('give either toward + distance_m or dx_m/dy_m/dz_m, not both')
    if (i.distance_m === undefined) throw new ToolFailure('toward needs distance_m (metres)')
    moved = moveToward(scene, o, resolve(scene, i.toward), i.distance_m, yawDeltaRad)
  } else {
    moved = moveObject(scene, o, { dxM: i.dx_m, dyM: i.dy_m, dzM: i.dz_m, yawDeltaRad })
  }
  const otherName = i.measure_to ?? i.toward
  const out: Record<string, unknown> = {
    object: o.name,
    delta_m: moved.deltaInWorld.map(r4),
    new_center_m: moved.moved.centerInWorld.map(r4),
    yaw_deg: deg(moved.moved.yawRad),
  }
  if (otherName !== undefined) {
    const other = resolve(scene, otherName)
    const q = i.quantity ?? 'gap'
    const before = measureAnswer(scene, q, o, other).value as number
    const movedOther = moved.scene.objects.find((x) => x.id === other.id) as SceneObject
    const after = measureAnswer(moved.scene, q, moved.moved, movedOther).value as number
    Object.assign(out, {
      measure_to: other.name,
      quantity: q,
      before_m: r4(before),
      after_m: r4(after),
      touching: q === 'gap' ? after <= 0 : undefined,
    })
  }
  return out
}

/** what_if_move: {@link whatIfMove} as a tool (the real scene is unchanged). */
export function createWhatIfTool(scene: Scene): StructuredToolInterface {
  return tool(
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
}
