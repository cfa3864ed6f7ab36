/**
 * The shape shared by the tools that ask one question of two named objects (measure, relation): resolve A, then B,
 * ask the engine, and return the question, both names and the answer's fields.
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import type { Scene, SceneObject } from '../engine/types'
import { objectArg, resolve, safe } from './toolSupport'

/** A tool over objects A and B; see {@link pairTool}. */
export interface PairToolSpec<Kind extends string> {
  name: string
  description: string
  /** The argument choosing what to ask (e.g. `quantity`): first in the schema and in the result. */
  kindKey: string
  kindArg: z.ZodType<Kind>
  /** Asks the engine; the returned fields follow `a` and `b` in the result, in their order. */
  ask: (kind: Kind, a: SceneObject, b: SceneObject) => object
}

/**
 * Build a tool with schema `{ <kindKey>, a, b }` whose result is the JSON of
 * `{ <kindKey>: kind, a: A's name, b: B's name, ...ask(kind, A, B) }` (unknown names fail as "Error: …").
 */
export function pairTool<Kind extends string>(
  scene: Scene,
  spec: PairToolSpec<Kind>,
): StructuredToolInterface {
  return tool(
    safe((i: Record<string, string>) => {
      const a = resolve(scene, i.a)
      const b = resolve(scene, i.b)
      const kind = i[spec.kindKey] as Kind
      return { [spec.kindKey]: kind, a: a.name, b: b.name, ...spec.ask(kind, a, b) }
    }),
    {
      name: spec.name,
      description: spec.description,
      schema: z.object({ [spec.kindKey]: spec.kindArg, a: objectArg, b: objectArg }),
    },
  )
}
