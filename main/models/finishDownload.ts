import { createHash, type Hash } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'
import { DownloadError } from './errors'
import { updateHashFromFile } from './hashFile'
import type { DownloadRequest, DownloadResult } from './downloader'

/**
 * Checks size and hash of the finished part file (hashed while streaming, else read again), then renames it into
 * place. A size or hash that differs from the published one deletes the part file.
 * @throws DownloadError 'size-mismatch' or 'hash-mismatch'.
 */
export async function finishDownload(
  url: string,
  request: DownloadRequest,
  partPath: string,
  resumedFromBytes: number,
  streamed?: { hash: Hash; received: number },
): Promise<DownloadResult> {
  let sha256: string
  let bytes: number
  if (streamed) {
    sha256 = streamed.hash.digest('hex')
    bytes = streamed.received
  } else {
    const hash = createHash('sha256')
    bytes = await updateHashFromFile(hash, partPath)
    sha256 = hash.digest('hex')
  }
  if (request.bytes !== null && bytes !== request.bytes) {
    await rm(partPath, { force: true })
    throw new DownloadError(
      'size-mismatch',
      `${url} gave ${bytes} bytes, the manifest says ${request.bytes}: deleted the download; try again, or report the changed upstream file`,
      false,
    )
  }
  if (request.sha256 !== null && sha256 !== request.sha256) {
    await rm(partPath, { force: true })
    throw new DownloadError(
      'hash-mismatch',
      `SHA-256 mismatch for ${url}: expected ${request.sha256}, got ${sha256}; deleted the download (the file is corrupt or changed upstream)`,
      false,
    )
  }
  await rename(partPath, request.destination)
  return {
    path: request.destination,
    sha256,
    bytes,
    isVerified: request.sha256 !== null,
    resumedFromBytes,
    url,
  }
}
