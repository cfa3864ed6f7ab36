import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runModelsCommand, type ModelsCommandOptions } from '../../main/cli/modelsCommand'
import type { InterruptSource } from '../../main/cli/modelsDownload'
import type { ModelProgressEvent } from '../../main/contract/modelsSchema'
import { ModelStore } from '../../main/models/ModelStore'
import { ServiceEvents } from '../../main/services/ServiceEvents'
import { SpatialService } from '../../main/services/SpatialService'
import { UserError } from '../../main/app/userError'
import {
  generatedBytes,
  serveInChunks,
  serveWithRange,
  startTestServer,
  type TestServer,
} from '../models/localServer'
import { testManifest } from '../models/testManifest'

// `spatial-lens models …` in process: every subcommand is a models:* channel call on the CLI's service, the
// download's progress display is driven by the service's models:progress events, and Ctrl+C is models:cancel.

const bodies = {
  model: generatedBytes(400_000),
  tokenizer: Buffer.from('{}'),
  builtin: generatedBytes(64, 3),
}
let server: TestServer
const stalled: ServerResponse[] = []
const packageRoot = mkdtempSync(join(tmpdir(), 'spatial-lens-package-'))

beforeAll(async () => {
  server = await startTestServer({
    // Four 100 kB writes 150 ms apart: more than the service's 100 ms between progress events.
    '/model': serveInChunks(bodies.model, 4, 150),
    '/tokenizer': serveWithRange(bodies.tokenizer),
    // The first 1000 bytes, then nothing until the test ends (a download to cancel).
    '/stall': (_request, response) => {
      response.writeHead(200, { 'content-length': bodies.model.length })
      response.write(bodies.model.subarray(0, 1000))
      stalled.push(response)
    },
  })
})
afterEach(() => vi.restoreAllMocks())
afterAll(async () => {
  for (const response of stalled) response.destroy()
  await server.close()
})

function freshStore(): ModelStore {
  const manifest = testManifest(server.url, bodies)
  manifest.models.find((model) => model.id === 'flaky')!.files[0].urls = [server.url('/stall')]
  return new ModelStore({
    manifest,
    cacheDirectory: mkdtempSync(join(tmpdir(), 'spatial-lens-cli-models-service-')),
    packageRoot,
  })
}

async function run(argv: string[], options: ModelsCommandOptions) {
  const lines: string[] = []
  const progress: string[] = []
  const code = await runModelsCommand(argv, (text) => lines.push(text), {
    progress: { write: (text) => progress.push(text), isTTY: false },
    download: { retryDelayMs: 0, attempts: 1, idleTimeoutMs: 10_000 },
    ...options,
  })
  return { code, out: lines.join('\n'), progress }
}

/** The channels the CLI's service handled, in order (the spy calls through). */
function recordChannels(): () => string[] {
  const handle = vi.spyOn(SpatialService.prototype, 'handle')
  return () => handle.mock.calls.map(([channel]) => channel)
}

/** Every models:progress event the service emitted (the spy calls through). */
function recordProgress(): () => ModelProgressEvent[] {
  const emit = vi.spyOn(ServiceEvents.prototype, 'emit')
  return () =>
    emit.mock.calls
      .filter(([event]) => event === 'models:progress')
      .map(([, payload]) => payload as ModelProgressEvent)
}

describe('spatial-lens models through the service', () => {
  it('each subcommand calls its models:* channels', async () => {
    const store = freshStore()
    const ids = store.manifest.models.map((model) => model.id)
    const cases: [string[], string[]][] = [
      [['list'], ['models:list']],
      [
        ['list', '--json'],
        ['models:list', ...ids.map(() => 'models:info')],
      ],
      [['info', 'published'], ['models:info']],
      [['download', 'builtin'], ['models:info']],
      [
        ['download', 'pair'],
        ['models:info', 'models:download'],
      ],
      [['verify', 'pair'], ['models:verify']],
      // Without ids: the installed ones, found with models:list (only pair: the package has no built-in file).
      [['verify'], ['models:list', 'models:verify']],
      [['remove', 'pair'], ['models:remove']],
    ]
    for (const [argv, expected] of cases) {
      const channels = recordChannels()
      expect((await run(argv, { store })).code, argv.join(' ')).toBe(0)
      expect(channels(), argv.join(' ')).toEqual(expected)
      vi.restoreAllMocks()
    }
  })

  it('download: the progress lines are drawn from the service’s models:progress events', async () => {
    const events = recordProgress()
    const result = await run(['download', 'published'], { store: freshStore() })
    expect(result.code).toBe(0)
    const sent = events().filter((event) => event.modelId === 'published')
    expect(sent.at(-1)?.phase).toBe('done')
    // Off a terminal: "<id> <file> (i/n): P% (R kB of 400.0 kB, …)" at each 10 % step the events crossed.
    const lines = result.progress.map((line) =>
      /^published model\.onnx \(1\/1\): (\d+)% \(([\d.]+) kB of 400\.0 kB, /.exec(line),
    )
    expect(lines.length).toBeGreaterThanOrEqual(2)
    for (const match of lines) {
      expect(match, result.progress.join('')).not.toBeNull()
      const [percent, kilobytes] = [Number(match![1]), Number(match![2])]
      // Some event carried this many bytes, and the percentage is its 10 % step (hand rule: floor to 10).
      const event = sent.find((e) => Math.abs(e.receivedBytes - kilobytes * 1000) <= 50)
      expect(event, `no event with ${kilobytes} kB`).toBeDefined()
      expect(percent).toBe(Math.floor((event!.receivedBytes / 400_000) * 10) * 10)
    }
    expect(lines.at(-1)![1]).toBe('100')
    expect(result.out).toMatch(/^published: .*model\.onnx downloaded, 400\.0 kB, SHA-256 verified$/)
  })

  it('Ctrl+C during a download is models:cancel: exit 130, the part is kept for a resume', async () => {
    const store = freshStore()
    const events = recordProgress()
    const channels = recordChannels()
    let pressCtrlC = () => {}
    const interrupt: InterruptSource = (onInterrupt) => {
      pressCtrlC = onInterrupt
      return () => (pressCtrlC = () => {})
    }
    const running = run(['download', 'flaky'], { store, interrupt })
    await vi.waitFor(
      () => expect(events().some((event) => event.receivedBytes >= 1000)).toBe(true),
      { timeout: 10_000 },
    )
    pressCtrlC()
    const result = await running
    expect(result.code).toBe(130)
    expect(result.out).toBe(
      'flaky: download cancelled; the part already downloaded is kept: `npx spatial-lens models download flaky` resumes from there',
    )
    expect(channels()).toEqual(['models:info', 'models:download', 'models:cancel'])
    expect(events().at(-1)).toMatchObject({ modelId: 'flaky', phase: 'cancelled' })
    expect(store.status('flaky').state).toBe('partial')
    // The listener is gone once the command ends: a later Ctrl+C cancels nothing.
    pressCtrlC()
    expect(channels()).toHaveLength(3)
  })

  it('the service’s errors surface as its one line: an unknown id before any download, a broken manifest', async () => {
    const store = freshStore()
    const channels = recordChannels()
    const unknown = run(['download', 'published', 'nope'], { store })
    await expect(unknown).rejects.toThrow(/^unknown model "nope"; known models: published/)
    await expect(unknown).rejects.toBeInstanceOf(UserError)
    expect(channels()).toEqual(['models:info', 'models:info'])

    // A failed download is an outcome of models:download; the CLI makes it its error line (exit 2).
    const failed = run(['download', 'corrupt-upstream'], { store })
    await expect(failed).rejects.toThrow(
      /^HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/other/,
    )
    await expect(failed).rejects.toBeInstanceOf(UserError)

    // No store given: the service builds its own from $SPATIAL_LENS_MANIFEST.
    const manifestPath = join(mkdtempSync(join(tmpdir(), 'spatial-lens-manifest-')), 'bad.json')
    writeFileSync(manifestPath, '{"schemaVersion": 1, "models": [')
    vi.stubEnv('SPATIAL_LENS_MANIFEST', manifestPath)
    try {
      await expect(run(['list'], {})).rejects.toThrow(
        `cannot read the model manifest ${manifestPath} (SPATIAL_LENS_MANIFEST)`,
      )
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
