import manifestJson from '../../models/manifest.json'
import { UnknownModelError } from './errors'
import { modelManifestSchema, type ModelEntry, type ModelManifest } from './manifestSchema'

let bundled: ModelManifest | undefined

/**
 * The manifest shipped with the app (models/manifest.json, bundled at build time), parsed once
 * against the schema: a malformed manifest fails loudly here, not at download time.
 */
export function bundledManifest(): ModelManifest {
  bundled ??= modelManifestSchema.parse(manifestJson)
  return bundled
}

/** The entry for `modelId`, or an error listing the known ids. */
export function findModel(manifest: ModelManifest, modelId: string): ModelEntry {
  const entry = manifest.models.find((model) => model.id === modelId)
  if (!entry)
    throw new UnknownModelError(
      modelId,
      manifest.models.map((model) => model.id),
    )
  return entry
}
