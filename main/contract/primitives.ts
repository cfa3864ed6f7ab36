import { z } from 'zod'

/** Shared zod building blocks. Every number crossing a process boundary must be finite. */
export const finite = z.number().finite()
export const vec3Schema = z.tuple([finite, finite, finite])
export const intrinsicsSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fx: z.number().positive(),
  fy: z.number().positive(),
  cx: finite,
  cy: finite,
})
export const planeSchema = z.object({ normal: vec3Schema, offset: finite })
export const sizeSchema = z.object({ width: finite, depth: finite, height: finite })
