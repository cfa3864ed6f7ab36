import { readFileSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../files/atomicWrite'
import { lockedFileSchema } from '../contract/modelsCliSchema'

/** Name of the cache's lock file: what each installed file hashed to when it was installed. */
export const LOCK_FILE_NAME = 'models.lock.json'

const lockSchema = z.object({
  lockVersion: z.literal(1),
  /** model id → file path (inside the model folder) → record */
  models: z.record(z.string(), z.record(z.string(), lockedFileSchema)),
})

export type LockedFile = z.infer<typeof lockedFileSchema>
export type ModelLock = z.infer<typeof lockSchema>

/** Reads the lock file of a cache directory; a missing or unreadable one is an empty lock. */
export async function readLock(cacheDirectory: string): Promise<ModelLock> {
  try {
    const parsed = lockSchema.safeParse(
      JSON.parse(await readFile(join(cacheDirectory, LOCK_FILE_NAME), 'utf8')),
    )
    if (parsed.success) return parsed.data
  } catch {
    // Missing or not JSON: start empty; entries are re-recorded by download/verify.
  }
  return { lockVersion: 1, models: {} }
}

/** Writes the lock atomically (temp file + fsync + rename), so a crash never leaves half a lock file. */
export async function writeLock(cacheDirectory: string, lock: ModelLock): Promise<void> {
  const path = join(cacheDirectory, LOCK_FILE_NAME)
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, `${JSON.stringify(lock, null, 2)}\n`)
}

/** Read-modify-write of one model's records. */
export async function updateLock(
  cacheDirectory: string,
  modelId: string,
  change: (files: Record<string, LockedFile>) => void,
): Promise<void> {
  const lock = await readLock(cacheDirectory)
  const files = { ...(lock.models[modelId] ?? {}) }
  change(files)
  if (Object.keys(files).length === 0) delete lock.models[modelId]
  else lock.models[modelId] = files
  await writeLock(cacheDirectory, lock)
}

/** Synchronous read for path look-ups at model-load time (the lock is small). */
export function readLockSync(cacheDirectory: string): ModelLock {
  try {
    const parsed = lockSchema.safeParse(
      JSON.parse(readFileSync(join(cacheDirectory, LOCK_FILE_NAME), 'utf8')),
    )
    if (parsed.success) return parsed.data
  } catch {
    // Same as readLock: missing or unreadable is empty.
  }
  return { lockVersion: 1, models: {} }
}
