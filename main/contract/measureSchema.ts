import { z } from 'zod'
import { finite, vec3Schema } from './primitives'
import { answerObjectSchema } from './answerSchema'

/**
 * `scene:pointAt`: the 3D point behind one pixel of a kept scene. `pixel` is [u, v] in the
 * intrinsics' pixel coordinates with pixel centres at integers (the engine's point query); the
 * pixel whose area spans u…u+1 in the 2D view's edge coordinates is centred at u + 0.5 there.
 */
export const pointAtInputSchema = z
  .object({ sceneId: z.string().min(1), pixel: z.tuple([finite, finite]) })
  .strict()

export const pointAtOutputSchema = z.object({
  pixel: z.tuple([finite, finite]),
  /** Depth along the optical axis, metres. */
  depthM: finite,
  /** The depth pixel used: the nearest valid one within two pixels of the one asked about. */
  depthPixel: z.tuple([z.number().int(), z.number().int()]),
  pointInCamera: vec3Schema,
  pointInWorld: vec3Schema,
  /** The object whose lifted points cover the pixel, or null. */
  objectName: z.string().nullable(),
})
export type PointAtResult = z.infer<typeof pointAtOutputSchema>

/** One end of a measurement: an object of the scene (by name) or a world point (metres). */
export const measureTargetSchema = z.union([
  z.object({ object: z.string().trim().min(1) }).strict(),
  z.object({ pointInWorld: vec3Schema }).strict(),
])
export type MeasureTarget = z.infer<typeof measureTargetSchema>

export const measureInputSchema = z
  .object({ sceneId: z.string().min(1), a: measureTargetSchema, b: measureTargetSchema })
  .strict()

/**
 * `scene:measure`: the distance between two objects (closest surfaces of their boxes, and centre to
 * centre), two points, or a point and an object's box. World frame, metres.
 */
export const measurementSchema = z.object({
  sceneId: z.string(),
  kind: z.enum(['objects', 'points', 'point-object']),
  /** One readable sentence with every number. */
  text: z.string(),
  /** Short text for the drawn line, e.g. "12.5 cm gap". */
  label: z.string(),
  /** The measured length: the closest-surface gap for objects (0 when they touch), else the distance. */
  valueM: finite,
  /** The measured segment (closest points for objects). */
  fromInWorld: vec3Schema,
  toInWorld: vec3Schema,
  /** Centre-to-centre distance when an object is involved (to the point for point-object), else null. */
  centerDistanceM: finite.nullable(),
  /** The objects measured (names, 3D boxes), in the order a, b. */
  objects: z.array(answerObjectSchema),
  method: z.string(),
})
export type Measurement = z.infer<typeof measurementSchema>
