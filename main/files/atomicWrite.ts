import { open, readdir, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The file operations an atomic write needs; tests substitute failing ones. */
export interface AtomicWriteFileSystem {
  /** Creates `path` (failing if it exists), writes `data` and flushes it to disk (fsync) before resolving. */
  writeDurable(path: string, data: string | Uint8Array): Promise<void>
  /** Renames over `to`, then makes the rename itself durable where the platform allows. */
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
}

export const nodeAtomicFileSystem: AtomicWriteFileSystem = {
  async writeDurable(path, data) {
    const handle = await open(path, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  async rename(from, to) {
    await rename(from, to)
    await syncDirectory(dirname(to))
  },
  unlink: (path) => unlink(path),
}

/**
 * fsync of the folder, so the new directory entry survives a power cut (POSIX). Windows cannot
 * open a folder for syncing and commits renames itself: best effort, never an error.
 */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Not supported here (Windows, some network file systems): the rename is still atomic.
  }
}

let temporaryCounter = 0

/**
 * Atomic replace: the data goes to a temporary file beside the target (same folder, so the same
 * file system), is flushed, then renamed over the target, so a reader sees the old file or the new
 * one, never a partial write, even after a crash. The temporary file is removed when any step
 * fails; the error is rethrown. The folder must exist.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fileSystem: AtomicWriteFileSystem = nodeAtomicFileSystem,
): Promise<void> {
  const temporary = `${path}.${process.pid}.${++temporaryCounter}.tmp`
  try {
    await fileSystem.writeDurable(temporary, data)
    await fileSystem.rename(temporary, path)
  } catch (error) {
    await fileSystem.unlink(temporary).catch(() => undefined)
    throw error
  }
}

/** Is the process `pid` alive (signal 0 probes without sending; EPERM: alive, someone else's)? */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporary files {@link writeFileAtomic} left beside `path` when a process crashed
 * between writing and renaming (`<name>.<pid>.<n>.tmp` whose process is gone). They can hold
 * whatever the target holds (the settings' API key), so they must not linger. Temporaries of live
 * processes (a CLI writing now) are left alone. Resolves to the paths removed; never throws.
 */
export async function removeStaleTemporaries(path: string): Promise<string[]> {
  const prefix = `${basename(path)}.`
  const removed: string[] = []
  let names: string[]
  try {
    names = await readdir(dirname(path))
  } catch {
    return removed
  }
  for (const name of names) {
    const match = name.startsWith(prefix)
      ? /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length))
      : null
    if (!match) continue
    const pid = Number(match[1])
    if (pid === process.pid || isProcessAlive(pid)) continue
    const stale = join(dirname(path), name)
    await unlink(stale).then(
      () => removed.push(stale),
      () => undefined,
    )
  }
  return removed
}
