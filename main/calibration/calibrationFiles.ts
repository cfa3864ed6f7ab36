import { createHash } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** Environment variable for the app's per-user home (calibrations live in `<it>/calibrations`). */
export const HOME_DIRECTORY_VARIABLE = 'SPATIAL_LENS_HOME'

/**
 * Where calibrations live: `$SPATIAL_LENS_HOME/calibrations` when set, else the platform's config
 * folder (`$XDG_CONFIG_HOME` or `~/.config` on Linux, `~/Library/Application Support` on macOS,
 * `%APPDATA%` on Windows) + `spatial-lens/calibrations`. Pure: reads its arguments, creates nothing.
 */
export function resolveCalibrationDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  return join(resolveAppHomeDirectory(env, platform, home), 'calibrations')
}

/**
 * The app's per-user folder (calibrations, settings): `$SPATIAL_LENS_HOME` when set, else the
 * platform's config folder + `spatial-lens`. Pure: reads its arguments, creates nothing.
 */
export function resolveAppHomeDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[HOME_DIRECTORY_VARIABLE]?.trim()
  if (override) return resolve(override)
  return join(platformConfigRoot(env, platform, home), 'spatial-lens')
}

function platformConfigRoot(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32') return env.APPDATA?.trim() || join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  const xdg = env.XDG_CONFIG_HOME?.trim()
  // The XDG spec says relative values are invalid and must be ignored.
  return xdg && xdg.startsWith('/') ? xdg : join(home, '.config')
}

/**
 * File name of a camera's calibrations: a readable slug of the id plus a hash of the whole id, so
 * ids with slashes or colons ("/camera/color", "usb:0") are safe and distinct.
 */
export function calibrationFileName(cameraId: string): string {
  const slug =
    cameraId
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 48) || 'camera'
  const hash = createHash('sha256').update(cameraId).digest('hex').slice(0, 12)
  return `${slug}-${hash}.json`
}

/** The file operations the store needs; tests substitute failing ones. */
export interface StoreFileSystem {
  readText(path: string): Promise<string>
  /** Writes and flushes to disk (fsync) before resolving. */
  writeTextDurable(path: string, text: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  mkdirs(path: string): Promise<void>
  list(path: string): Promise<string[]>
}

export const nodeFileSystem: StoreFileSystem = {
  readText: (path) => readFile(path, 'utf8'),
  async writeTextDurable(path, text) {
    const handle = await open(path, 'wx')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  mkdirs: async (path) => {
    await mkdir(path, { recursive: true })
  },
  list: (path) => readdir(path),
}

export function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

let temporaryCounter = 0

/**
 * Atomic replace: the text goes to a temporary file beside the target (same file system), is
 * flushed, then renamed over the target, so a reader sees the old file or the new one, never a
 * partial write. The temporary file is removed when any step fails; the error is rethrown.
 */
export async function writeFileAtomic(
  fileSystem: StoreFileSystem,
  path: string,
  text: string,
): Promise<void> {
  const temporary = `${path}.${process.pid}.${++temporaryCounter}.tmp`
  try {
    await fileSystem.writeTextDurable(temporary, text)
    await fileSystem.rename(temporary, path)
  } catch (error) {
    await fileSystem.unlink(temporary).catch(() => undefined)
    throw error
  }
}
