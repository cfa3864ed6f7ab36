import { z } from 'zod'
import { depthScaleProblem, intrinsicsRangeProblem, type IntrinsicsValues } from './intrinsicsRules'

/** Shared zod building blocks. Every number crossing a process boundary must be finite. */
export const finite = z.number().finite()
export const vec3Schema = z.tuple([finite, finite, finite])
/** Intrinsics fields before the range rules (extend this, then add {@link checkIntrinsicsRanges}). */
export const intrinsicsFieldsSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fx: finite.positive(),
  fy: finite.positive(),
  cx: finite,
  cy: finite,
})

/** Adds the range rules (field of view, principal point; see intrinsicsRules) as an issue on the field. */
export function checkIntrinsicsRanges(k: IntrinsicsValues, ctx: z.RefinementCtx): void {
  const problem = intrinsicsRangeProblem(k)
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
}

/** Pinhole intrinsics in pixels (0-based pixel centres), finite and within the range rules. */
export const intrinsicsSchema = intrinsicsFieldsSchema.superRefine(checkIntrinsicsRanges)

/** Depth units per metre (1000 = millimetres, 5000 = TUM), finite and within a sane range. */
export const depthScaleSchema = finite.superRefine((value, ctx) => {
  const problem = depthScaleProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: `depthScale ${problem}` })
})
export const planeSchema = z.object({ normal: vec3Schema, offset: finite })
export const sizeSchema = z.object({ width: finite, depth: finite, height: finite })
