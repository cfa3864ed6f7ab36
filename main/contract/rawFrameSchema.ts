import { z } from 'zod'
import { depthScaleSchema, finite, intrinsicsSchema } from './primitives'

const sideSchema = z.number().int().positive().max(16_384)

/** TF frames one frame may carry: a robot's tree has tens; thousands would only be a way to burn time. */
export const MAX_ROBOT_FRAMES = 512
/** Frame origins further than this from the camera (metres) are not a robot in view: refused, not placed. */
const MAX_ROBOT_FRAME_DISTANCE_M = 1e6
const coordinateM = finite.min(-MAX_ROBOT_FRAME_DISTANCE_M).max(MAX_ROBOT_FRAME_DISTANCE_M)
const frameIdSchema = z.string().trim().min(1).max(300)

/**
 * A robot's TF frames at the frame's stamp, located in the camera (optical) frame by the host that holds the TF
 * tree (engine `RobotFramesInCamera`). The service places them in the scene's world frame, so questions can name
 * them ("how far is the gripper from the mug").
 */
export const robotFramesInCameraSchema = z
  .object({
    points: z
      .array(
        z
          .object({
            frameId: frameIdSchema,
            pointInCamera: z.tuple([coordinateM, coordinateM, coordinateM]),
          })
          .strict(),
      )
      .max(MAX_ROBOT_FRAMES),
    gripperFrameId: frameIdSchema.optional(),
    /** Frames the host could not locate, one line each (they become scene warnings). */
    warnings: z
      .array(z.string().max(1000))
      .max(MAX_ROBOT_FRAMES + 1)
      .default([]),
  })
  .strict()

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
    /** Where the depth came from: a depth sensor (default when depth is given) or a point cloud (PCD files). */
    depthSource: z.enum(['sensor', 'pointcloud']).optional(),
    /** Depth-file units per metre the host divided by, when depth came from a file (plausibility warnings name it). */
    depthScale: depthScaleSchema.optional(),
    robotFrames: robotFramesInCameraSchema.optional(),
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
    if (frame.depthSource && !depth)
      ctx.addIssue({ code: 'custom', path: ['depthSource'], message: 'needs depth' })
    if (intrinsics.width !== rgb.width || intrinsics.height !== rgb.height)
      ctx.addIssue({
        code: 'custom',
        path: ['intrinsics'],
        message: 'must be for the colour image size',
      })
  })
export type RawFrameInput = z.infer<typeof rawFrameInputSchema>
