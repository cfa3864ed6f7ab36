import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/** Feeds a file's bytes into `hash` (streamed, constant memory). Returns the number of bytes read. */
export async function updateHashFromFile(hash: Hash, path: string): Promise<number> {
  let byteCount = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer)
    byteCount += (chunk as Buffer).length
  }
  return byteCount
}

/** SHA-256 (lower-case hex) and size of a file. */
export async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  const bytes = await updateHashFromFile(hash, path)
  return { sha256: hash.digest('hex'), bytes }
}
