import { UserError } from '../app/userError'

/**
 * Model-manager errors. They extend UserError so the CLI prints them as one plain line; each one
 * says what to run to fix it.
 */

/** The command that (re)installs a model, quoted in every message. */
export function downloadCommand(modelId: string): string {
  return `npx spatial-lens models download ${modelId}`
}

/** The model is not in the manifest. */
export class UnknownModelError extends UserError {
  override readonly code = 'MODEL_UNKNOWN'
  constructor(
    readonly modelId: string,
    knownIds: string[],
  ) {
    super(
      `unknown model "${modelId}"; known models: ${knownIds.join(', ')} (see npx spatial-lens models list)`,
    )
  }
}

/** A file of the model is not in the cache (or a built-in file is missing from the package). */
export class ModelMissingError extends UserError {
  override readonly code = 'MODEL_MISSING'
  constructor(
    readonly modelId: string,
    message: string,
  ) {
    super(message)
  }
}

/** A file of the model is there but damaged (wrong size or hash). */
export class ModelCorruptError extends UserError {
  override readonly code = 'MODEL_CORRUPT'
  constructor(
    readonly modelId: string,
    message: string,
  ) {
    super(message)
  }
}

export type DownloadFailureKind =
  'network' | 'http' | 'hash-mismatch' | 'size-mismatch' | 'cancelled'

/**
 * A download that did not produce a verified file. `network`/`http`/`cancelled` keep the `.part`
 * file so the next try resumes; `hash-mismatch`/`size-mismatch` delete it (the bytes are wrong, not short).
 */
export class DownloadError extends UserError {
  override readonly code = 'DOWNLOAD_FAILED'
  constructor(
    readonly kind: DownloadFailureKind,
    message: string,
    readonly isPartialKept: boolean,
  ) {
    super(message)
  }
}
