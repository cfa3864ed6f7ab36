import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import manifestJson from '../../models/manifest.json'
import { UserError } from '../app/userError'
import { UnknownModelError } from './errors'
import {
  modelManifestSchema,
  type ModelEntry,
  type ModelManifest,
} from '../contract/manifestSchema'

/** Environment variable naming another manifest file (a private mirror, end-to-end tests). */
export const MANIFEST_VARIABLE = 'SPATIAL_LENS_MANIFEST'

let bundled: ModelManifest | undefined
const fromFiles = new Map<string, ModelManifest>()

/**
 * The manifest shipped with the app (models/manifest.json, bundled at build time), parsed once
 * against the schema: a malformed manifest fails loudly here, not at download time.
 */
export function bundledManifest(): ModelManifest {
  bundled ??= modelManifestSchema.parse(manifestJson)
  return bundled
}

/**
 * The manifest the model manager uses: the file named by `$SPATIAL_LENS_MANIFEST` when set (read
 * and validated once per path; a broken file is one error naming it and the bad field), else the
 * bundled one.
 */
export function activeManifest(env: NodeJS.ProcessEnv = process.env): ModelManifest {
  const override = env[MANIFEST_VARIABLE]?.trim()
  if (!override) return bundledManifest()
  const path = resolve(override)
  let manifest = fromFiles.get(path)
  if (!manifest) {
    manifest = readManifestFile(path)
    fromFiles.set(path, manifest)
  }
  return manifest
}

function readManifestFile(path: string): ModelManifest {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UserError(
      `cannot read the model manifest ${path} (${MANIFEST_VARIABLE}): ${(error as Error).message}`,
    )
  }
  const parsed = modelManifestSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UserError(
      `the model manifest ${path} (${MANIFEST_VARIABLE}) is invalid at ${issue?.path.join('.') || 'the top'}: ${issue?.message}`,
    )
  }
  return parsed.data
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
