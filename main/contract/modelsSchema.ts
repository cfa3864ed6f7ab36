import { z } from 'zod'

/**
 * The model manager as the UI sees it (`models:*` channels, `models:progress` events): one row per
 * manifest model with its install state, and the outcome of download / verify / remove.
 */

export const modelIdInputSchema = z.object({ modelId: z.string().min(1).max(100) }).strict()

export const modelRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  task: z.string(),
  /** download: the app fetches it; builtin: ships with the app; manual: the user exports it. */
  install: z.enum(['download', 'builtin', 'manual']),
  isOptional: z.boolean(),
  state: z.enum(['installed', 'missing', 'partial', 'damaged', 'built-in']),
  /**
   * How the installed files were checked: against a published SHA-256, hashed on first download
   * (nothing published), not checked yet (copied in by hand: run Verify); null when not installed.
   */
  verification: z.enum(['published', 'trust-on-first-use', 'unchecked', 'built-in']).nullable(),
  /** Sum of the files' sizes (published, else approximate); null when none is known. */
  totalBytes: z.number().int().nonnegative().nullable(),
  isSizeApproximate: z.boolean(),
  isSizeLowerBound: z.boolean(),
  /** Bytes in the cache now, partial downloads included. */
  bytesOnDisk: z.number().int().nonnegative(),
  licence: z.object({
    id: z.string(),
    url: z.string(),
    isCommercialUseAllowed: z.boolean(),
    note: z.string().optional(),
  }),
  /** Where its files are (or go): the folder offline installs copy them into. */
  directory: z.string(),
  files: z.array(
    z.object({ path: z.string(), state: z.enum(['present', 'partial', 'missing', 'wrong-size']) }),
  ),
  /** The command line that installs it (download models), for scripts and other machines. */
  installCommand: z.string().nullable(),
  /** Manual models: how to make the files and where to put them. */
  installHint: z.string().nullable(),
  isDownloading: z.boolean(),
})
export type ModelRow = z.infer<typeof modelRowSchema>

export const modelListSchema = z.object({
  modelsDirectory: z.string(),
  models: z.array(modelRowSchema),
})

/** What a download ended with. Failures are outcomes, with the server's words and what to do. */
export const downloadReportSchema = z.object({
  model: modelRowSchema,
  outcome: z.enum(['installed', 'already-installed', 'failed', 'cancelled']),
  message: z.string(),
  /** What the user can do next (failed / cancelled). */
  hint: z.string().nullable(),
  /** Each file of an installed model (empty when the download failed or was cancelled). */
  files: z.array(
    z.object({
      /** As the manifest names it. */
      path: z.string(),
      /** Where it is on the service's machine. */
      location: z.string(),
      outcome: z.enum(['downloaded', 'already-installed']),
      /** Downloaded files: bytes, SHA-256 and whether it matched a published hash; null when already there. */
      bytes: z.number().int().nonnegative().nullable(),
      sha256: z.string().nullable(),
      isVerified: z.boolean().nullable(),
    }),
  ),
})
export type DownloadReport = z.infer<typeof downloadReportSchema>

export const verifyReportSchema = z.object({
  model: modelRowSchema,
  isAllOk: z.boolean(),
  files: z.array(
    z.object({
      /** As the manifest names it. */
      path: z.string(),
      /** Where it is on the service's machine. */
      location: z.string(),
      /** unverified: no published or locked hash to check against (reported, never marked trusted). */
      outcome: z.enum(['ok', 'unverified', 'mismatch', 'missing']),
      expectedSha256: z.string().nullable(),
      actualSha256: z.string().nullable(),
      reference: z.enum(['published', 'lock', 'none']),
      isDeleted: z.boolean(),
    }),
  ),
  /** One line per file, as `spatial-lens models verify` prints it. */
  message: z.string(),
})
export type VerifyReport = z.infer<typeof verifyReportSchema>

export const removeReportSchema = z.object({
  model: modelRowSchema,
  removedBytes: z.number().int().nonnegative(),
})

/** Progress of one model's download, throttled (about 10 per second, the last always sent). */
export const modelProgressEventSchema = z.object({
  modelId: z.string(),
  phase: z.enum(['downloading', 'done', 'failed', 'cancelled']),
  /** The file being fetched; null before the first file starts. */
  file: z
    .object({
      path: z.string(),
      index: z.number().int().nonnegative(),
      count: z.number().int().positive(),
    })
    .nullable(),
  /** Bytes of this file on disk so far (resumed bytes included). */
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().nullable(),
  bytesPerSecond: z.number().nonnegative(),
  message: z.string().optional(),
})
export type ModelProgressEvent = z.infer<typeof modelProgressEventSchema>
