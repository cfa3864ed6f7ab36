import { z } from 'zod'
import { modelEntrySchema } from './manifestSchema'

/**
 * `spatial-lens models list --json` and `models info --json`: every manifest field of a model with
 * its install state in the cache and, per file, where it is and what the cache's lock recorded.
 * Older and fuller than the `models:list` channel's rows (modelsSchema.ts), so a shape of its own; one
 * model in this shape is the `models:info` channel's reply.
 */

/** What the cache's lock file recorded for an installed file (main/models/lockFile.ts). */
export const lockedFileSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** 'published': matched the manifest's hash; 'trust-on-first-use': no published hash to check. */
  verification: z.enum(['published', 'trust-on-first-use']),
  source: z.string(),
  installedAt: z.string(),
})

export const modelStateSchema = z.enum(['installed', 'missing', 'partial', 'damaged', 'built-in'])
export const fileStateSchema = z.enum(['present', 'partial', 'missing', 'wrong-size'])

/** One model: its manifest entry, its state, sizes, and its files in the cache. */
export const modelStatusJsonSchema = modelEntrySchema.safeExtend({
  status: modelStateSchema,
  /** Sum of the files' sizes in bytes (published, else approximate); null when none is known. */
  totalBytes: z.number().int().nonnegative().nullable(),
  isSizeApproximate: z.boolean(),
  /** Some file has no size at all: the total is a lower bound. */
  isSizeLowerBound: z.boolean(),
  installedFiles: z.array(
    z.object({
      /** The file's path inside the model folder (as the manifest names it). */
      path: z.string(),
      /** Where it is (or goes) on this machine. */
      location: z.string(),
      state: fileStateSchema,
      bytesOnDisk: z.number().int().nonnegative().nullable(),
      lock: lockedFileSchema.nullable(),
    }),
  ),
})
export type ModelStatusJson = z.infer<typeof modelStatusJsonSchema>

/** `models list --json`. */
export const modelListCliSchema = z.object({
  /** The cache folder ($SPATIAL_LENS_MODELS or the per-user one). */
  modelsDirectory: z.string(),
  models: z.array(modelStatusJsonSchema),
})

/** `models info --json`: one model, or a list when several ids were given. */
export const modelInfoCliSchema = z.union([modelStatusJsonSchema, z.array(modelStatusJsonSchema)])
