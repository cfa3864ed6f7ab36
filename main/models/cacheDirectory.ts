import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { platformUserRoot } from '../files/userDirectories'

/** Environment variable that overrides where model files live (offline installs copy files there). */
export const MODELS_DIRECTORY_VARIABLE = 'SPATIAL_LENS_MODELS'

/**
 * The per-user model cache directory: `$SPATIAL_LENS_MODELS` when set, else the platform's cache
 * folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%`
 * on Windows) + `spatial-lens/models`. Pure: it reads only its arguments, creates nothing.
 */
export function resolveModelCacheDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[MODELS_DIRECTORY_VARIABLE]?.trim()
  if (override) return resolve(override)
  return join(platformUserRoot('cache', env, platform, home), 'spatial-lens', 'models')
}
