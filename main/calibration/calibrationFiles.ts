import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { nodeAtomicFileSystem, type AtomicWriteFileSystem } from '../files/atomicWrite'
import { appUserDirectory } from '../files/userDirectories'

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
  return join(appUserDirectory('config', env, platform, home), 'calibrations')
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
export interface StoreFileSystem extends AtomicWriteFileSystem {
  readText(path: string): Promise<string>
  mkdirs(path: string): Promise<void>
  list(path: string): Promise<string[]>
}

export const nodeFileSystem: StoreFileSystem = {
  ...nodeAtomicFileSystem,
  readText: (path) => readFile(path, 'utf8'),
  mkdirs: async (path) => {
    await mkdir(path, { recursive: true })
  },
  list: (path) => readdir(path),
}

export function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}
