import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Environment variable for the app's per-user home: when set, calibrations live in
 * `<it>/calibrations` and the measurement log in `<it>/measurements.jsonl` (tests, portable installs).
 */
export const HOME_DIRECTORY_VARIABLE = 'SPATIAL_LENS_HOME'

/** Name of the app's folder inside the platform folders. */
const APP_FOLDER = 'spatial-lens'

export type UserFolderKind = 'config' | 'data' | 'cache'

/**
 * The app's per-user folder of a kind: `$SPATIAL_LENS_HOME` when set (all kinds share it), else
 * the platform's folder + `spatial-lens`:
 * - config: `$XDG_CONFIG_HOME` or `~/.config`; `~/Library/Application Support`; `%APPDATA%`
 * - data: `$XDG_DATA_HOME` or `~/.local/share`; `~/Library/Application Support`; `%APPDATA%`
 * - cache: `$XDG_CACHE_HOME` or `~/.cache`; `~/Library/Caches`; `%LOCALAPPDATA%`
 * Pure: it reads only its arguments and creates nothing.
 */
export function appUserDirectory(
  kind: UserFolderKind,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[HOME_DIRECTORY_VARIABLE]?.trim()
  if (override) return resolve(override)
  return join(platformUserRoot(kind, env, platform, home), APP_FOLDER)
}

/** The platform's per-user folder of a kind (without the app's folder). */
export function platformUserRoot(
  kind: UserFolderKind,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32') {
    if (kind === 'cache') return env.LOCALAPPDATA?.trim() || join(home, 'AppData', 'Local')
    return env.APPDATA?.trim() || join(home, 'AppData', 'Roaming')
  }
  if (platform === 'darwin') {
    return kind === 'cache'
      ? join(home, 'Library', 'Caches')
      : join(home, 'Library', 'Application Support')
  }
  const xdg = { config: env.XDG_CONFIG_HOME, data: env.XDG_DATA_HOME, cache: env.XDG_CACHE_HOME }[
    kind
  ]?.trim()
  // The XDG spec says relative values are invalid and must be ignored.
  if (xdg && xdg.startsWith('/')) return xdg
  return {
    config: join(home, '.config'),
    data: join(home, '.local', 'share'),
    cache: join(home, '.cache'),
  }[kind]
}
