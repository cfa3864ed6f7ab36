/** Reading the HTTP response of one download try: whether it can be written, and the resource's full size. */
import { rm } from 'node:fs/promises'
import { DownloadError } from './errors'

/**
 * Whether the response gives the body to write: 'complete' for a resume point at the very end (the part file is
 * the whole resource).
 * @throws DownloadError for an HTTP error, or a refused or different resume range (the part file is deleted then).
 */
export async function checkResponse(
  response: Response,
  url: string,
  offset: number,
  partPath: string,
): Promise<'complete' | 'body'> {
  if (response.status === 416 && offset > 0) {
    // Range past the end: the part is complete if it is exactly the resource's size, else junk.
    await response.body?.cancel()
    const size = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? NaN)
    if (size === offset) return 'complete'
    await rm(partPath, { force: true })
    throw new DownloadError(
      'network',
      `${url} rejected the resume point ${offset}: discarded the partial file, restarting`,
      false,
    )
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel()
    throw new DownloadError(
      'http',
      `HTTP ${response.status} ${response.statusText} from ${url}`,
      offset > 0,
    )
  }
  if (response.status === 206 && contentRangeStart(response) !== offset) {
    await response.body?.cancel()
    await rm(partPath, { force: true })
    throw new DownloadError(
      'network',
      `${url} answered a different byte range than asked: discarded the partial file, restarting`,
      false,
    )
  }
  return 'body'
}

function contentRangeStart(response: Response): number | null {
  const match = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')
  return match ? Number(match[1]) : null
}

/** Full size of the resource from Content-Range (206) or Content-Length (200). */
export function totalFromResponse(response: Response, offset: number): number | null {
  const range = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')
  if (range) return Number(range[1])
  const length = response.headers.get('content-length')
  // A compressed body's Content-Length is not the file size.
  if (length === null || response.headers.get('content-encoding')) return null
  return offset + Number(length)
}
