import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { downloadFile, type DownloadProgress } from '../../main/models/downloader'
import { DownloadError } from '../../main/models/errors'
import {
  dropFirst,
  dropMidway,
  generatedBytes,
  serveIgnoringRange,
  serveWithRange,
  startTestServer,
  type TestServer,
} from './localServer'

const body = generatedBytes(600_000)
const sha256 = createHash('sha256').update(body).digest('hex')
const other = generatedBytes(600_000, 12345)
let server: TestServer
const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-download-'))
let counter = 0
const destination = () => join(temp, `file-${counter++}`, 'model.onnx')
const fast = { retryDelayMs: 0, idleTimeoutMs: 5_000 }

beforeAll(async () => {
  server = await startTestServer({
    '/file': serveWithRange(body),
    '/drop': dropMidway(body, 200_000),
    '/drop-once': dropFirst(body, 1, 250_000),
    '/drop-twice': dropFirst(body, 2, 150_000),
    '/no-range': serveIgnoringRange(body),
    '/other': serveWithRange(other),
    '/redirect': (_request, response) => response.writeHead(302, { location: '/file' }).end(),
    '/stall': (_request, response) => {
      response.writeHead(200, { 'content-length': body.length })
      response.write(body.subarray(0, 1000))
    },
  })
})
afterAll(() => server.close())

describe('downloadFile', () => {
  it('downloads a whole file, reports progress and verifies the published hash', async () => {
    const path = destination()
    const progress: DownloadProgress[] = []
    const result = await downloadFile({
      urls: [server.url('/file')],
      destination: path,
      sha256,
      bytes: body.length,
      onProgress: (p) => progress.push(p),
      ...fast,
    })
    expect(result).toMatchObject({
      path,
      sha256,
      bytes: body.length,
      isVerified: true,
      resumedFromBytes: 0,
    })
    expect(readFileSync(path).equals(body)).toBe(true)
    expect(existsSync(`${path}.part`)).toBe(false)
    expect(progress.at(-1)).toMatchObject({ receivedBytes: body.length, totalBytes: body.length })
    expect(progress.every((p) => p.bytesPerSecond >= 0)).toBe(true)
  })

  it('keeps the .part when the server drops the connection, then resumes it with Range', async () => {
    const path = destination()
    const failure = await downloadFile({
      urls: [server.url('/drop-once')],
      destination: path,
      sha256,
      bytes: body.length,
      attempts: 1,
      ...fast,
    }).catch((e) => e)
    expect(failure).toBeInstanceOf(DownloadError)
    expect(failure).toMatchObject({ kind: 'network', isPartialKept: true })
    expect(failure.message).toMatch(/run the command again to resume/)
    expect(existsSync(path)).toBe(false) // never a half file under the final name
    const partBytes = statSync(`${path}.part`).size
    expect(partBytes).toBeGreaterThan(0)
    expect(partBytes).toBeLessThan(body.length)

    const result = await downloadFile({
      urls: [server.url('/drop-once')],
      destination: path,
      sha256,
      bytes: body.length,
      ...fast,
    })
    expect(server.ranges['/drop-once']).toEqual([undefined, `bytes=${partBytes}-`])
    expect(result).toMatchObject({ sha256, resumedFromBytes: partBytes, isVerified: true })
    expect(readFileSync(path).equals(body)).toBe(true)
    expect(existsSync(`${path}.part`)).toBe(false)
  })

  it('retries by itself within one call, resuming each time', async () => {
    const path = destination()
    const result = await downloadFile({
      urls: [server.url('/drop-twice')],
      destination: path,
      sha256,
      bytes: body.length,
      attempts: 3,
      ...fast,
    })
    expect(result.sha256).toBe(sha256)
    expect(server.ranges['/drop-twice']).toHaveLength(3)
    expect(server.ranges['/drop-twice'][2]).toMatch(/^bytes=\d+-$/)
  })

  it('deletes the download and says so when the hash does not match', async () => {
    const path = destination()
    const failure = await downloadFile({
      urls: [server.url('/other')],
      destination: path,
      sha256,
      bytes: null,
      ...fast,
    }).catch((e) => e)
    expect(failure).toBeInstanceOf(DownloadError)
    expect(failure).toMatchObject({ kind: 'hash-mismatch', isPartialKept: false })
    expect(failure.message).toMatch(new RegExp(`expected ${sha256}.*deleted the download`))
    expect(existsSync(path)).toBe(false)
    expect(existsSync(`${path}.part`)).toBe(false)
  })

  it('rejects a file of the wrong size and deletes it', async () => {
    const path = destination()
    const failure = await downloadFile({
      urls: [server.url('/file')],
      destination: path,
      sha256: null,
      bytes: body.length + 1,
      ...fast,
    }).catch((e) => e)
    expect(failure).toMatchObject({ kind: 'size-mismatch' })
    expect(existsSync(path) || existsSync(`${path}.part`)).toBe(false)
  })

  it('restarts cleanly when the server ignores Range (200 instead of 206)', async () => {
    const path = destination()
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(`${path}.part`, generatedBytes(100_000, 777)) // junk that must not survive
    const result = await downloadFile({
      urls: [server.url('/no-range')],
      destination: path,
      sha256,
      bytes: body.length,
      ...fast,
    })
    expect(server.ranges['/no-range']).toEqual(['bytes=100000-'])
    expect(result).toMatchObject({ sha256, resumedFromBytes: 0 })
    expect(readFileSync(path).equals(body)).toBe(true)
  })

  it('follows redirects', async () => {
    const path = destination()
    const result = await downloadFile({
      urls: [server.url('/redirect')],
      destination: path,
      sha256,
      bytes: body.length,
      ...fast,
    })
    expect(result.sha256).toBe(sha256)
    expect(server.ranges['/file'].length).toBeGreaterThan(0)
  })

  it('times out a stalled transfer and keeps what arrived', async () => {
    const path = destination()
    const failure = await downloadFile({
      urls: [server.url('/stall')],
      destination: path,
      sha256,
      bytes: body.length,
      attempts: 1,
      idleTimeoutMs: 300,
      retryDelayMs: 0,
    }).catch((e) => e)
    expect(failure).toMatchObject({ kind: 'network', isPartialKept: true })
    expect(failure.message).toMatch(/timed out/)
    expect(existsSync(path)).toBe(false)
  })

  it('trusts a file without a published hash on first use and reports it unverified', async () => {
    const path = destination()
    const result = await downloadFile({
      urls: [server.url('/file')],
      destination: path,
      sha256: null,
      bytes: null,
      ...fast,
    })
    expect(result).toMatchObject({ sha256, bytes: body.length, isVerified: false })
  })

  it('reports an HTTP error without leaving files, and falls back to the next mirror', async () => {
    const path = destination()
    const failure = await downloadFile({
      urls: [server.url('/missing')],
      destination: path,
      sha256,
      bytes: null,
      ...fast,
    }).catch((e) => e)
    expect(failure).toMatchObject({ kind: 'http' })
    expect(failure.message).toMatch(/HTTP 404/)
    expect(existsSync(path)).toBe(false)
    const result = await downloadFile({
      urls: [server.url('/missing'), server.url('/file')],
      destination: path,
      sha256,
      bytes: null,
      ...fast,
    })
    expect(result.url).toBe(server.url('/file'))
  })

  it('keeps a partial file when the connection drops on the only try', async () => {
    const path = destination()
    await expect(
      downloadFile({
        urls: [server.url('/drop')],
        destination: path,
        sha256,
        bytes: body.length,
        attempts: 1,
        ...fast,
      }),
    ).rejects.toMatchObject({ kind: 'network' })
    expect(existsSync(`${path}.part`)).toBe(true)
    expect(existsSync(path)).toBe(false)
  })

  it('cancels on the signal without retrying, keeps the .part, and a later call resumes it', async () => {
    const path = destination()
    const controller = new AbortController()
    const hitsBefore = server.ranges['/stall']?.length ?? 0
    const failure = await downloadFile({
      urls: [server.url('/stall')],
      destination: path,
      sha256,
      bytes: body.length,
      attempts: 3,
      ...fast,
      signal: controller.signal,
      // The stalled route has sent its first bytes: cancel mid-transfer.
      onProgress: () => controller.abort(),
    }).catch((e) => e)
    expect(failure).toBeInstanceOf(DownloadError)
    expect(failure).toMatchObject({ kind: 'cancelled', isPartialKept: true })
    expect(failure.message).toMatch(/cancelled; the partial file is kept/)
    expect(server.ranges['/stall'].length - hitsBefore).toBe(1) // no retry after a cancel
    expect(statSync(`${path}.part`).size).toBe(1000)
    const result = await downloadFile({
      urls: [server.url('/file')],
      destination: path,
      sha256,
      bytes: body.length,
      ...fast,
    })
    expect(result).toMatchObject({ resumedFromBytes: 1000, isVerified: true })
    expect(readFileSync(path).equals(body)).toBe(true)
  })

  it('an already-aborted signal downloads nothing', async () => {
    const path = destination()
    const failure = await downloadFile({
      urls: [server.url('/file')],
      destination: path,
      sha256,
      bytes: body.length,
      ...fast,
      signal: AbortSignal.abort(),
    }).catch((e) => e)
    expect(failure).toMatchObject({ kind: 'cancelled' })
    expect(existsSync(path)).toBe(false)
  })
})
