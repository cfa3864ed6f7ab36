import { z } from 'zod'

/**
 * Images as they travel to a scene worker (structured clone keeps the typed arrays): checked on
 * arrival so a torn buffer is a clear error, not a wrong crop.
 */

const size = { width: z.number().int().positive(), height: z.number().int().positive() }

/** RGB, 3 bytes per pixel, row-major. */
export const rgbImageDataSchema = z
  .object({
    ...size,
    data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected a Uint8Array'),
  })
  .refine((image) => image.data.length === image.width * image.height * 3, {
    message: 'the image data is not width × height × 3 bytes',
  })

/** Depth in metres, one float per pixel. */
export const depthImageDataSchema = z
  .object({
    ...size,
    data: z.custom<Float32Array>(
      (value) => value instanceof Float32Array,
      'expected a Float32Array',
    ),
  })
  .refine((depth) => depth.data.length === depth.width * depth.height, {
    message: 'the depth data is not width × height values',
  })
