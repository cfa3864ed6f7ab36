import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'

/** The shard of one job: `<outDir>/shards/<jobId>.jsonl`. Named per job, so a retry rewrites the same file. */
export function shardPath(outDir: string, jobId: string): string {
  return join(outDir, 'shards', `${jobId}.jsonl`)
}

/** True when the job's shard exists: a shard appears only whole (see writeShardAtomically), so the job is done. */
export function shardExists(outDir: string, jobId: string): boolean {
  return existsSync(shardPath(outDir, jobId))
}

/**
 * Writes JSONL lines to a temporary file beside the shard, then renames it into place: rename is
 * atomic on one file system (NFS included), so readers and other workers see no shard or the whole
 * shard, never part of one. A worker killed mid-write leaves only a `.tmp-*` file, which readers ignore.
 */
export function writeShardAtomically(path: string, lines: string[]): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    writeFileSync(temporary, lines.length ? `${lines.join('\n')}\n` : '')
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}
