/**
 * Tools that ask one question of two named objects: measure (metres), relation (holds or not),
 * direction (clock hour seen from above) and fits_between (free gap against a width in metres).
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import { answerPredicate, directionClock, fitsBetween, type PredicateKind } from '../engine/answers'
import type { Scene } from '../engine/types'
import { pairTool } from './pairTool'
import {
  measureAnswer,
  objectArg,
  quantityArg,
  r2,
  r4,
  RELATIONS,
  resolve,
  safe,
  ToolFailure,
  type MeasureQuantity,
} from './toolSupport'

/** measure: distance, gap, horizontal or vertical distance between A and B, metres. */
export function createMeasureTool(scene: Scene): StructuredToolInterface {
  return pairTool(scene, {
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
}

/** relation: whether "A <relation> B" holds. */
export function createRelationTool(scene: Scene): StructuredToolInterface {
  return pairTool(scene, {
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
}

/** direction: clock hour of `to` seen from `from`, from above (12 = forward). */
export function createDirectionTool(scene: Scene): StructuredToolInterface {
  return tool(
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
}

/** fits_between: whether something `width_m` metres wide fits between A and B. */
export function createFitsBetweenTool(scene: Scene): StructuredToolInterface {
  return tool(
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
}
