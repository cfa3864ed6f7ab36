import type { ServiceHost } from '../../contract/channels'
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, sep } from 'node:path'
import { UserError } from '../../app/userError'

/**
 * Which recordings a source session may open. `serve` is reachable from the LAN, so it opens only
 * files under the directory the user named with `serve --recordings DIR` (after resolving links,
 * so a link inside DIR pointing outside it is refused too); without that flag it opens none. The
 * desktop app opens any file, since the user picked it in the app.
 */
export interface RecordingAccess {
  /** The directory `serve` may open recordings from, resolved; null when none was given. */
  readonly directory: string | null
  readonly isAnyPathAllowed: boolean
}

/** Files listed at most (a huge directory must not make `source:recordings` huge). */
const MAX_LISTED = 500

/**
 * The real path of `path` when this host may open it.
 * @throws UserError saying why not (no --recordings directory, outside it, missing).
 */
export async function allowedRecordingPath(access: RecordingAccess, path: string): Promise<string> {
  if (access.isAnyPathAllowed) {
    if (!isAbsolute(path)) throw new UserError(`give the recording's full path, got "${path}"`)
    return path
  }
  if (!access.directory)
    throw new UserError(
      'this server opens no recordings: start it with `spatial-lens serve --recordings DIR` to allow the recordings (.mcap, .db3, .bag) under DIR',
    )
  const candidate = isAbsolute(path) ? path : join(access.directory, path)
  let real: string
  try {
    real = await realpath(candidate)
  } catch {
    throw new UserError(`recording "${path}" was not found under ${access.directory}`)
  }
  const inside = relative(access.directory, real)
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    throw new UserError(
      `recording "${path}" is outside ${access.directory}, the directory this server was given with --recordings`,
    )
  return real
}

/** The recordings (.mcap, rosbag2 .db3, ROS 1 .bag) directly under the directory (and one level of sub-folders), largest count bounded. */
export async function listRecordings(
  access: RecordingAccess,
): Promise<{ path: string; name: string; bytes: number }[]> {
  const root = access.directory
  if (!root) return []
  const found: { path: string; name: string; bytes: number }[] = []
  const visit = async (dir: string, depth: number) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= MAX_LISTED) return
      const path = join(dir, entry.name)
      if (entry.isDirectory() && depth < 1) await visit(path, depth + 1)
      else if (entry.isFile() && /\.(mcap|db3|bag)$/i.test(entry.name)) {
        const size = await stat(path).then(
          (s) => s.size,
          () => 0,
        )
        found.push({ path, name: relative(root, path) || basename(path), bytes: size })
      }
    }
  }
  await visit(root, 0)
  return found
}

/**
 * The access of a host: `serve` with its --recordings directory (resolved now), or the desktop app and the CLI
 * (the user's own machine and files: any path).
 */
export async function recordingAccessFor(
  host: ServiceHost,
  directory: string | null | undefined,
): Promise<RecordingAccess> {
  if (host !== 'serve') return { directory: directory ?? null, isAnyPathAllowed: true }
  if (!directory) return { directory: null, isAnyPathAllowed: false }
  const real = await realpath(directory).catch(() => {
    throw new UserError(`--recordings ${directory}: no such directory`)
  })
  if (!(await stat(real)).isDirectory())
    throw new UserError(`--recordings ${directory} is not a directory`)
  return { directory: real, isAnyPathAllowed: false }
}
