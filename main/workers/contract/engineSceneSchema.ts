import { z } from 'zod'
import { finite, intrinsicsSchema, planeSchema } from '../../contract/primitives'
import { sceneObjectSchema, sceneProvenanceSchema } from '../../contract/sceneSchema'
import { depthCalibrationSchema } from '../../contract/depthCalibrationSchema'
import type { Scene, SceneObject, SceneProvenance } from '../../engine/types'

/**
 * The engine `Scene` as it crosses from a scene worker to the host (structured clone: typed arrays
 * and bigint survive). The host keeps it for questions and point queries, so it is checked on
 * arrival like every other reply: a torn or partial scene is a clear internal error, never a wrong
 * answer later. Shapes are the scene summary's (main/contract/sceneSchema.ts) plus what the summary
 * leaves behind: the objects' pixel indices, the 4×4 transform as a Float64Array and the bigint time.
 */

/** Provenance as the engine keeps it: the summary's, with NaN residuals allowed. */
export const engineProvenanceSchema = sceneProvenanceSchema.extend({
  depthProvenance: z
    .object({
      modelId: z.string(),
      output: z.enum(['metric', 'relative-inverse']),
      provider: z.string().optional(),
      inferenceMs: finite.optional(),
      // In-memory form: a residual that could not be measured is NaN (see depthCalibrationSchema.ts).
      calibration: depthCalibrationSchema.optional(),
      calibratedAt: z.string().optional(),
    })
    .optional(),
})

/** One object with its lifted pixels (row-major indices into the intrinsics' image). */
export const engineObjectSchema = sceneObjectSchema.omit({ boxInImagePx: true }).extend({
  pixelIndices: z.custom<Uint32Array>(
    (value) => value instanceof Uint32Array,
    'expected a Uint32Array',
  ),
})

/** The engine scene; `worldFromCamera` is 4×4 column-major (pointInWorld = worldFromCamera · pointInCamera). */
export const engineSceneSchema = z
  .object({
    cameraId: z.string(),
    timestampNs: z.bigint().nonnegative(),
    intrinsics: intrinsicsSchema,
    plane: planeSchema.nullable(),
    worldFromCamera: z
      .custom<Float64Array>((value) => value instanceof Float64Array, 'expected a Float64Array')
      .refine((m) => m.length === 16 && m.every(Number.isFinite), {
        message: 'worldFromCamera must hold 16 finite numbers',
      }),
    objects: z.array(engineObjectSchema),
    provenance: engineProvenanceSchema,
    warnings: z.array(z.string()),
    timingsMs: z.record(z.string(), finite),
    totalMs: finite,
    robotFrames: z
      .object({
        points: z.array(
          z.object({
            frameId: z.string(),
            name: z.string(),
            pointInCamera: z.tuple([finite, finite, finite]),
            pointInWorld: z.tuple([finite, finite, finite]),
          }),
        ),
        gripperFrameId: z.string().optional(),
      })
      .optional(),
  })
  .superRefine((scene, ctx) => {
    const pixels = scene.intrinsics.width * scene.intrinsics.height
    scene.objects.forEach((object, index) => {
      const largest = largestIndex(object.pixelIndices)
      if (largest >= pixels)
        ctx.addIssue({
          code: 'custom',
          path: ['objects', index, 'pixelIndices'],
          message: `pixel ${largest} is outside the ${scene.intrinsics.width}×${scene.intrinsics.height} image`,
        })
    })
  })

/** A plain loop: this runs on the host's thread for every analysed frame. */
function largestIndex(indices: Uint32Array): number {
  let largest = -1
  for (let i = 0; i < indices.length; i++) if (indices[i] > largest) largest = indices[i]
  return largest
}

// Compile-time: the schemas name exactly the engine types' fields, so a field added to the engine
// cannot be stripped silently on its way to the host (zod drops keys a schema does not name).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sceneKeys: Same<keyof z.output<typeof engineSceneSchema>, keyof Scene> = true
const objectKeys: Same<keyof z.output<typeof engineObjectSchema>, keyof SceneObject> = true
const provenanceKeys: Same<keyof z.output<typeof engineProvenanceSchema>, keyof SceneProvenance> =
  true
void [sceneKeys, objectKeys, provenanceKeys]
