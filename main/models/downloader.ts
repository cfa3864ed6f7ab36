import { createHash, type Hash } from 'node:crypto'
import { mkdir, open, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DownloadError } from './errors'
import { updateHashFromFile } from './hashFile'
import { finishDownload } from './finishDownload'
import { checkResponse, totalFromResponse } from './downloadResponse'

/** Progress of one file: bytes on disk so far (resumed bytes included), total if known, rate. */
export interface DownloadProgress {
  receivedBytes: number
  totalBytes: number | null
  /** Rate of this attempt's transfer, bytes per second. */
  bytesPerSecond: number
}

export interface DownloadRequest {
  /** Mirrors, tried in order on network/HTTP errors (they must serve the same bytes). */
  urls: string[]
  /** Final path; the download goes to `<destination>.part` and is renamed only once verified. */
  destination: string
  /** Published SHA-256 (lower-case hex) or null: then the result is reported as unverified. */
  sha256: string | null
  /** Published size, or null. */
  bytes: number | null
  onProgress?: (progress: DownloadProgress) => void
  /** Abort when no data arrives for this long (connect, headers or body). Default 30 s. */
  idleTimeoutMs?: number
  /** Tries per URL; each try resumes from the `.part` file. Default 3. */
  attempts?: number
  /** Pause between tries. Default 1 s. */
  retryDelayMs?: number
  /** Cancels the download; the `.part` file is kept so the next call resumes it. */
  signal?: AbortSignal
}

export interface DownloadResult {
  path: string
  sha256: string
  bytes: number
  /** True when the hash matched a published one; false: trust on first use. */
  isVerified: boolean
  /** Bytes that were already in the `.part` file when the successful try started. */
  resumedFromBytes: number
  url: string
}

/** Suffix of in-progress downloads. A file under its final name is always complete and checked. */
export const PARTIAL_SUFFIX = '.part'

/**
 * Downloads one file with resume (HTTP Range into `<destination>.part`), streaming SHA-256, an
 * idle timeout and atomic rename. Redirects are followed. A network or HTTP error keeps the
 * `.part` for the next call to resume; a hash or size mismatch deletes it and says so. A server
 * that ignores Range (200 instead of 206) restarts the file from zero.
 */
export async function downloadFile(request: DownloadRequest): Promise<DownloadResult> {
  if (request.urls.length === 0)
    throw new DownloadError('http', `no URL to download ${request.destination} from`, false)
  await mkdir(dirname(request.destination), { recursive: true })
  const attempts = Math.max(1, request.attempts ?? 3)
  let lastError: unknown
  for (const url of request.urls) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (request.signal?.aborted) throw cancelledError(request.destination)
      try {
        return await downloadOnce(url, request)
      } catch (error) {
        if (
          error instanceof DownloadError &&
          (error.kind === 'hash-mismatch' ||
            error.kind === 'size-mismatch' ||
            error.kind === 'cancelled')
        )
          throw error
        lastError = error
        if (
          error instanceof DownloadError &&
          error.kind === 'http' &&
          !isRetryableStatus(error.message)
        )
          break
        if (attempt < attempts) await delay(request.retryDelayMs ?? 1000, request.signal)
      }
    }
  }
  throw lastError instanceof DownloadError
    ? lastError
    : networkError(request.urls[request.urls.length - 1], lastError)
}

async function downloadOnce(url: string, request: DownloadRequest): Promise<DownloadResult> {
  const partPath = request.destination + PARTIAL_SUFFIX
  let offset = await existingSize(partPath)
  if (request.bytes !== null && offset > request.bytes) {
    await rm(partPath, { force: true })
    offset = 0
  }
  if (request.bytes !== null && offset === request.bytes)
    return finishDownload(url, request, partPath, offset)

  const idleTimeoutMs = request.idleTimeoutMs ?? 30_000
  const idle = idleAbort(idleTimeoutMs, request.signal)
  try {
    const headers: Record<string, string> = { 'user-agent': 'spatial-lens-model-manager' }
    if (offset > 0) headers.range = `bytes=${offset}-`
    const response = await fetch(url, { headers, redirect: 'follow', signal: idle.signal })
    idle.touch()
    if ((await checkResponse(response, url, offset, partPath)) === 'complete')
      return await finishDownload(url, request, partPath, offset)
    const hash = createHash('sha256')
    const isResuming = response.status === 206 && offset > 0
    if (!isResuming) offset = 0
    else await updateHashFromFile(hash, partPath)
    const totalBytes = totalFromResponse(response, offset) ?? request.bytes
    const received = await streamBody(
      response,
      partPath,
      isResuming,
      hash,
      offset,
      totalBytes,
      idle.touch,
      request.onProgress,
    )
    if (totalBytes !== null && received < totalBytes) {
      throw new DownloadError(
        'network',
        `connection closed after ${received} of ${totalBytes} bytes from ${url}`,
        true,
      )
    }
    return await finishDownload(url, request, partPath, offset, { hash, received })
  } catch (error) {
    if (request.signal?.aborted) throw cancelledError(request.destination)
    if (error instanceof DownloadError) throw error
    throw networkError(
      url,
      idle.signal.aborted ? new Error(`no data for ${idleTimeoutMs / 1000} s (timed out)`) : error,
    )
  } finally {
    idle.dispose()
  }
}

/**
 * An abort signal for one try: it fires when no data came for `idleMs` (each `touch` restarts the clock) or when
 * the caller's `cancel` signal aborts. `dispose` stops both.
 */
function idleAbort(idleMs: number, cancel: AbortSignal | undefined) {
  const controller = new AbortController()
  const onCancel = () => controller.abort()
  cancel?.addEventListener('abort', onCancel, { once: true })
  let timer = setTimeout(() => controller.abort(), idleMs)
  return {
    signal: controller.signal,
    touch: () => {
      clearTimeout(timer)
      timer = setTimeout(() => controller.abort(), idleMs)
    },
    dispose: () => {
      clearTimeout(timer)
      cancel?.removeEventListener('abort', onCancel)
    },
  }
}

async function streamBody(
  response: Response,
  partPath: string,
  isAppending: boolean,
  hash: Hash,
  offset: number,
  totalBytes: number | null,
  touch: () => void,
  onProgress: DownloadRequest['onProgress'],
): Promise<number> {
  const handle = await open(partPath, isAppending ? 'a' : 'w')
  const startedAt = performance.now()
  let received = offset
  try {
    if (!response.body) return received
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      touch()
      hash.update(chunk)
      await handle.write(chunk)
      received += chunk.length
      const seconds = Math.max(1e-3, (performance.now() - startedAt) / 1000)
      onProgress?.({
        receivedBytes: received,
        totalBytes,
        bytesPerSecond: (received - offset) / seconds,
      })
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
  return received
}

async function existingSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch {
    return 0
  }
}

function isRetryableStatus(message: string): boolean {
  const status = Number(/HTTP (\d+)/.exec(message)?.[1])
  return status === 408 || status === 429 || status >= 500
}

function networkError(url: string | undefined, cause: unknown): DownloadError {
  const reason =
    cause instanceof Error
      ? cause.cause instanceof Error
        ? cause.cause.message
        : cause.message
      : String(cause)
  return new DownloadError(
    'network',
    `download from ${url} failed: ${reason}; the partial file is kept, run the command again to resume`,
    true,
  )
}

/** Waits `ms`, ending early (without error: the caller checks the signal) when cancelled. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
  })
}

function cancelledError(destination: string): DownloadError {
  return new DownloadError(
    'cancelled',
    `download of ${destination} cancelled; the partial file is kept and the next download resumes it`,
    true,
  )
}
