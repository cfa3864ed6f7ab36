import { z } from 'zod'
import { intrinsicsSchema } from './primitives'

const sideSchema = z.number().int().positive().max(16_384)

/**
 * A frame already decoded (a robot source's frame on its way to the scene worker): RGB bytes and
 * depth in metres (0/NaN invalid) as typed arrays, in the intrinsics' image size. The sizes are
 * checked here; the pixel limit when it is loaded (frameLoader), as for file frames.
 */
export const rawFrameInputSchema = z
  .object({
    kind: z.literal('raw'),
    name: z.string().max(500).default('robot frame'),
    cameraId: z.string().trim().min(1).max(300),
    /** Nanoseconds since the Unix epoch, decimal digits. */
    timestampNs: z.string().regex(/^\d{1,20}$/),
    rgb: z.object({ width: sideSchema, height: sideSchema, data: z.instanceof(Uint8Array) }),
    depth: z
      .object({ width: sideSchema, height: sideSchema, data: z.instanceof(Float32Array) })
      .optional(),
    intrinsics: intrinsicsSchema,
  })
  .strict()
  .superRefine((frame, ctx) => {
    const { rgb, depth, intrinsics } = frame
    if (rgb.data.length !== rgb.width * rgb.height * 3)
      ctx.addIssue({
        code: 'custom',
        path: ['rgb', 'data'],
        message: 'must hold width × height × 3 bytes',
      })
    if (depth && depth.data.length !== depth.width * depth.height)
      ctx.addIssue({
        code: 'custom',
        path: ['depth', 'data'],
        message: 'must hold width × height values',
      })
    if (depth && (depth.width !== rgb.width || depth.height !== rgb.height))
      ctx.addIssue({ code: 'custom', path: ['depth'], message: 'must be the colour image size' })
    if (intrinsics.width !== rgb.width || intrinsics.height !== rgb.height)
      ctx.addIssue({
        code: 'custom',
        path: ['intrinsics'],
        message: 'must be for the colour image size',
      })
  })
export type RawFrameInput = z.infer<typeof rawFrameInputSchema>
