import { z } from 'zod'
import { finite } from './primitives'

/**
 * `maps.json` and `spatial-lens maps --json`: what each auxiliary map file of a frame holds
 * (main/maps/writeMaps.ts). Paths are relative to the output folder.
 */
export const mapsManifestSchema = z.object({
  version: z.literal(1),
  /** The frame the maps were made from. */
  source: z.string(),
  /** Pixels of every map. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** The world frame of the coordinates map, in words. */
  worldFrame: z.string(),
  files: z.array(
    z.object({
      kind: z.enum(['depth', 'coordinates', 'edges', 'labels', 'mask']),
      path: z.string().min(1),
      format: z.string(),
      units: z.string(),
      /** The object of a mask. */
      object: z.object({ name: z.string(), label: z.string() }).optional(),
    }),
  ),
  /** The edge detector's settings: hysteresis thresholds (OpenCV's units), Gaussian sigma in pixels. */
  canny: z.object({ low: finite, high: finite, sigma: finite.optional() }),
})
export type MapsManifest = z.infer<typeof mapsManifestSchema>
