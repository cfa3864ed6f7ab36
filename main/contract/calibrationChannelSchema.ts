import { z } from 'zod'
import { finite, vec3Schema } from './primitives'
import { storedCalibrationSchema } from './calibrationSchema'
import { rawFrameInputSchema } from './rawFrameSchema'
import { executionProviderSchema } from './providerSchema'

/**
 * Depth calibrations for every host (the app's Settings → Depth, `serve`, `spatial-lens calibrate`):
 * list, fit one for a frame's camera, remove. A calibration maps one depth model's output to metres for one camera (see
 * main/engine/depth/types.ts); the files live in the app home's calibrations folder.
 */

/** A saved calibration as the calibration files store it, with the camera it belongs to. */
export const calibrationJsonSchema = storedCalibrationSchema.extend({ cameraId: z.string() })
export type CalibrationJson = z.infer<typeof calibrationJsonSchema>

export const calibrationListSchema = z.object({
  calibrations: z.array(calibrationJsonSchema),
  /** Files that could not be read (their cameras are left out), with what is wrong. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
})

/** A calibration's note (free text saved with it), characters. */
export const MAX_CALIBRATION_NOTE_LENGTH = 200
/** Known lengths one `calibration:run` may carry (a few tape measurements, never thousands). */
export const MAX_KNOWN_DISTANCES = 64
/** Pixel coordinates: anything beyond this magnitude is not a place in any image. */
const MAX_PIXEL_COORDINATE = 1_000_000
const pixelCoordinate = finite.min(-MAX_PIXEL_COORDINATE).max(MAX_PIXEL_COORDINATE)
/** A pixel (u, v), 0-based; whether it lies in the frame's image is the fit's check (it names the size). */
const pixelSchema = z.tuple([pixelCoordinate, pixelCoordinate])
/** A true length, metres: positive and at most a kilometre. */
const metresSchema = z.number().positive().max(1000)

/**
 * How the metres are known:
 * - 'rgbd-frame': the frame's own sensor depth;
 * - 'known-distance': the true length of a measured segment (two points picked in Measure mode,
 *   world frame of the kept scene);
 * - 'known-pixel-distances': true 3D distances between pairs of pixels of the image (the CLI's
 *   `--known-distance`), one or more;
 * - 'known-size': the true width or height of an object inside a pixel box [x0, y0, x1, y1).
 */
export const calibrationMethodInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rgbd-frame') }).strict(),
  z
    .object({
      kind: z.literal('known-distance'),
      fromInWorld: vec3Schema,
      toInWorld: vec3Schema,
      distanceM: metresSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('known-pixel-distances'),
      distances: z
        .array(z.object({ a: pixelSchema, b: pixelSchema, distanceM: metresSchema }).strict())
        .min(1)
        .max(MAX_KNOWN_DISTANCES),
    })
    .strict(),
  z
    .object({
      kind: z.literal('known-size'),
      box: z.tuple([pixelCoordinate, pixelCoordinate, pixelCoordinate, pixelCoordinate]),
      axis: z.enum(['width', 'height']),
      sizeM: metresSchema,
    })
    .strict(),
])
export type CalibrationMethodInput = z.infer<typeof calibrationMethodInputSchema>

/**
 * Fit on a kept scene (`sceneId`, the app) or on a decoded frame sent with the request (`frame`, the
 * CLI): a colour-only frame cannot be analysed into a scene with a relative model that is not
 * calibrated yet, and the fit needs only the image, intrinsics and (rgbd-frame) sensor depth.
 * The frame's cameraId is the camera the calibration is saved for. `provider`: where the model runs
 * (default: the kept scene's, else the best available).
 */
export const calibrationRunInputSchema = z
  .object({
    sceneId: z.string().min(1).optional(),
    frame: rawFrameInputSchema.optional(),
    modelId: z.string().trim().min(1),
    method: calibrationMethodInputSchema,
    note: z.string().max(MAX_CALIBRATION_NOTE_LENGTH).optional(),
    provider: executionProviderSchema.optional(),
  })
  .strict()
  .refine((input) => (input.sceneId === undefined) !== (input.frame === undefined), {
    message: 'give either sceneId (a kept scene) or frame (a decoded frame), not both or neither',
    path: ['sceneId'],
  })
export type CalibrationRunInput = z.infer<typeof calibrationRunInputSchema>

export const calibrationRunResultSchema = z.object({
  calibration: calibrationJsonSchema,
  /** The camera's calibration file. */
  path: z.string(),
  /** Where an unreadable file of this camera was moved before the save, when one was. */
  movedAsidePath: z.string().optional(),
  warnings: z.array(z.string()),
  modelRun: z.object({ output: z.string(), provider: z.string(), inferenceMs: finite }),
})
export type CalibrationRunResult = z.infer<typeof calibrationRunResultSchema>

export const calibrationRemoveInputSchema = z
  .object({ cameraId: z.string().min(1), modelId: z.string().min(1) })
  .strict()

/**
 * `spatial-lens calibrate --json`: the saved calibration (residuals null when not measurable), its
 * file, and how the model ran. Older than the `calibration:run` reply, so its fields sit at the top
 * level; `residualCm` is `residualRmsM` in centimetres.
 */
export const calibrateCliResultSchema = calibrationJsonSchema.extend({
  residualCm: finite.nonnegative().nullable(),
  /** The camera's calibration file. */
  path: z.string(),
  movedAsidePath: calibrationRunResultSchema.shape.movedAsidePath,
  model: calibrationRunResultSchema.shape.modelRun,
  warnings: z.array(z.string()),
})
export type CalibrateCliResult = z.infer<typeof calibrateCliResultSchema>
