import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { ModelStore } from '../../main/models/ModelStore'
import { SettingsStore } from '../../main/settings/SettingsStore'
import type { ModelProgressEvent } from '../../main/contract/modelsSchema'
import {
  generatedBytes,
  serveWithRange,
  startTestServer,
  type TestServer,
} from '../models/localServer'
import { sha256Of, testManifest } from '../models/testManifest'
import { callService } from './serviceCall'

// The models:* channels over a local HTTP server and a test manifest: list, download with
// progress events, cancel, verify, remove, and failures as outcomes with what to do.

const bodies = {
  model: generatedBytes(400_000),
  tokenizer: Buffer.from('{}'),
  builtin: generatedBytes(64, 3),
}
let server: TestServer
let service: SpatialService
let cacheDirectory: string
const progress: ModelProgressEvent[] = []
const stalled: ServerResponse[] = []

beforeAll(async () => {
  server = await startTestServer({
    '/model': serveWithRange(bodies.model),
    '/tokenizer': serveWithRange(bodies.tokenizer),
    // Sends the first 1000 bytes, then nothing until the test ends (a download to cancel).
    '/stall': (_request, response) => {
      response.writeHead(200, { 'content-length': bodies.model.length })
      response.write(bodies.model.subarray(0, 1000))
      stalled.push(response)
    },
  })
  cacheDirectory = mkdtempSync(join(tmpdir(), 'spatial-lens-models-channels-'))
  const manifest = testManifest(server.url, bodies)
  manifest.models.find((model) => model.id === 'flaky')!.files[0].urls = [server.url('/stall')]
  manifest.models.find((model) => model.id === 'corrupt-upstream')!.files[0].urls = [
    server.url('/gone'),
  ]
  service = new SpatialService(new InlineSceneExecutor(), 'serve', {
    settings: new SettingsStore({ directory: mkdtempSync(join(tmpdir(), 'spatial-lens-home-')) }),
    models: {
      createStore: () => new ModelStore({ manifest, cacheDirectory, packageRoot: cacheDirectory }),
      download: { retryDelayMs: 0, attempts: 1, idleTimeoutMs: 10_000 },
    },
  })
  service.subscribe((event, payload) => {
    if (event === 'models:progress') progress.push(payload as ModelProgressEvent)
  })
})
afterAll(async () => {
  for (const response of stalled) response.destroy()
  await server.close()
  await service.dispose()
})

const call = <T>(channel: Parameters<SpatialService['handle']>[0], input: unknown) =>
  callService<T>(service, channel, input)
const rowOf = async (id: string) =>
  (await call<{ models: { id: string; state: string }[] }>('models:list', {})).models.find(
    (m) => m.id === id,
  )!

describe('models:* channels', () => {
  it('lists every manifest model with its task, size, licence, state and how it is installed', async () => {
    const list = await call<any>('models:list', {})
    expect(list.modelsDirectory).toBe(cacheDirectory)
    expect(list.models.map((m: { id: string }) => m.id)).toEqual([
      'published',
      'tofu',
      'pair',
      'corrupt-upstream',
      'flaky',
      'builtin',
      'manual',
    ])
    const published = list.models[0]
    expect(published).toMatchObject({
      task: 'metric-depth',
      install: 'download',
      state: 'missing',
      verification: null,
      totalBytes: 400_000,
      licence: { id: 'Apache-2.0' },
      installCommand: 'npx spatial-lens models download published',
      directory: join(cacheDirectory, 'published'),
      isDownloading: false,
    })
    const manual = list.models.find((m: { id: string }) => m.id === 'manual')
    expect(manual).toMatchObject({
      install: 'manual',
      installCommand: null,
      installHint: 'export it yourself and copy it into the models folder',
    })
  })

  it('models:info gives every manifest field with each file’s state, location and lock', async () => {
    const info = await call<any>('models:info', { modelId: 'published' })
    expect(info).toMatchObject({
      id: 'published',
      status: 'missing',
      totalBytes: 400_000,
      preprocess: { colorOrder: 'RGB', layout: 'NCHW' },
      installedFiles: [
        {
          path: 'model.onnx',
          location: join(cacheDirectory, 'published', 'model.onnx'),
          state: 'missing',
          bytesOnDisk: null,
          lock: null,
        },
      ],
    })
    expect(info.files[0].signature.outputs[0].units).toBe('metres')
    const unknown = await service.handle('models:info', { modelId: 'nope' })
    expect(unknown.ok || unknown.error.message).toMatch(/unknown model "nope"/)
  })

  it('downloads with progress events up to the whole size, then the model is installed and verified', async () => {
    progress.length = 0
    const report = await call<any>('models:download', { modelId: 'published' })
    expect(report).toMatchObject({
      outcome: 'installed',
      hint: null,
      model: { state: 'installed', verification: 'published' },
    })
    expect(report.message).toBe('Downloaded 400.0 kB; SHA-256 verified.')
    const location = join(cacheDirectory, 'published', 'model.onnx')
    expect(report.files).toEqual([
      {
        path: 'model.onnx',
        location,
        outcome: 'downloaded',
        bytes: 400_000,
        sha256: sha256Of(bodies.model),
        isVerified: true,
      },
    ])
    expect(readFileSync(join(cacheDirectory, 'published', 'model.onnx')).equals(bodies.model)).toBe(
      true,
    )
    const mine = progress.filter((event) => event.modelId === 'published')
    expect(mine[0]).toMatchObject({
      phase: 'downloading',
      file: { path: 'model.onnx', index: 0, count: 1 },
      receivedBytes: 0,
    })
    const downloading = mine.filter((event) => event.phase === 'downloading')
    expect(downloading.at(-1)).toMatchObject({ receivedBytes: 400_000, totalBytes: 400_000 })
    expect(downloading.map((event) => event.receivedBytes)).toEqual(
      [...downloading.map((e) => e.receivedBytes)].sort((a, b) => a - b),
    )
    expect(mine.at(-1)!.phase).toBe('done')
    // A second download has nothing to do.
    expect(await call<any>('models:download', { modelId: 'published' })).toMatchObject({
      outcome: 'already-installed',
      files: [
        { location, outcome: 'already-installed', bytes: null, sha256: null, isVerified: null },
      ],
    })
  })

  it('a server error is an outcome with the server’s words and what to do (offline copy folder)', async () => {
    const report = await call<any>('models:download', { modelId: 'corrupt-upstream' })
    expect(report.outcome).toBe('failed')
    expect(report.message).toMatch(/HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/gone/)
    expect(report.hint).toContain('HTTP 404')
    expect(report.hint).toContain(
      `copy model.onnx into ${join(cacheDirectory, 'corrupt-upstream')} and click Verify`,
    )
    expect(report.model.state).toBe('missing')
    expect(report.files).toEqual([])
    expect(progress.at(-1)).toMatchObject({ modelId: 'corrupt-upstream', phase: 'failed' })
  })

  it('cancels a running download: the part is kept, the row says partial, nothing else can touch it meanwhile', async () => {
    progress.length = 0
    const running = call<any>('models:download', { modelId: 'flaky' })
    await expect
      .poll(() =>
        progress.some((event) => event.modelId === 'flaky' && event.receivedBytes >= 1000),
      )
      .toBe(true)
    expect((await rowOf('flaky')) as any).toMatchObject({ isDownloading: true })
    expect((await service.handle('models:download', { modelId: 'flaky' })).ok).toBe(false)
    const removeWhileRunning = await service.handle('models:remove', { modelId: 'flaky' })
    expect(removeWhileRunning.ok || removeWhileRunning.error.message).toMatch(
      /cancel the download first/,
    )
    expect(await call('models:cancel', { modelId: 'flaky' })).toEqual({ isCancelled: true })
    const report = await running
    expect(report).toMatchObject({
      outcome: 'cancelled',
      message: 'Download cancelled.',
      model: { state: 'partial', bytesOnDisk: 1000, isDownloading: false },
    })
    expect(report.hint).toMatch(/Download resumes/)
    expect(progress.at(-1)).toMatchObject({ modelId: 'flaky', phase: 'cancelled' })
    expect(await call('models:cancel', { modelId: 'flaky' })).toEqual({ isCancelled: false })
  })

  it('verify re-hashes the files; remove deletes them (partial downloads included)', async () => {
    const verified = await call<any>('models:verify', { modelId: 'published' })
    expect(verified.isAllOk).toBe(true)
    expect(verified.message).toBe('model.onnx: ok (published SHA-256)')
    expect(verified.files[0]).toMatchObject({
      path: 'model.onnx',
      location: join(cacheDirectory, 'published', 'model.onnx'),
    })
    const removed = await call<any>('models:remove', { modelId: 'published' })
    expect(removed).toMatchObject({ removedBytes: 400_000, model: { state: 'missing' } })
    expect(existsSync(join(cacheDirectory, 'published'))).toBe(false)
    expect((await call<any>('models:remove', { modelId: 'flaky' })).removedBytes).toBe(1000)
  })

  it('unknown models, manual and built-in ones get clear errors', async () => {
    const unknown = await service.handle('models:download', { modelId: 'nope' })
    expect(unknown.ok || unknown.error.message).toMatch(
      /unknown model "nope"; known models: published/,
    )
    const manual = await service.handle('models:download', { modelId: 'manual' })
    expect(manual.ok || manual.error.message).toMatch(/no public download\. export it yourself/)
    const builtin = await service.handle('models:remove', { modelId: 'builtin' })
    expect(builtin.ok || builtin.error.message).toMatch(/built in/)
  })
})
