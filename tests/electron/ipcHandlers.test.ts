import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channels, contract, type Channel, type ChannelInput } from '../../main/contract/channels'
import { isOwnContent, registerIpcHandlers } from '../../main/electron/ipcHandlers'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { InlineSceneExecutor, type SceneExecutor } from '../../main/workers/sceneExecutor'
import { sampleFramePaths } from '../../main/app/paths'
import { SpatialService } from '../../main/services/SpatialService'
import { SettingsStore } from '../../main/settings/SettingsStore'
import { buildSpatialBridge } from '../../preload/spatialBridge'
import { IpcClient } from '../../renderer/src/client/IpcClient'
import { FakeIpcMain, OWN_INDEX_HTML, OWN_URL } from './fakeIpc'
import { CalibrationStore } from '../../main/calibration/CalibrationStore'
import { decode } from 'fast-png'
import { installTinyDepthModel } from '../cli/depthModelCache'
import { randomUUID } from 'node:crypto'
import { COLOR_TOPIC, DEPTH_TOPIC, T0_NS, writeRgbdMcap } from '../helpers/rgbdMcap'

// The Electron host's IPC without the Electron binary: the real handler registration and services
// behind a fake ipcMain that behaves like Electron's (structured clone, no handler = rejection).

const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-ipc-'))
process.env.SPATIAL_LENS_MODELS = join(scratch, 'models')
/** A depth model for calibration:run whose output is twice the sample's sensor depth (so the fit has a scale of 0.5). */
const DEPTH_MODEL = 'depth-anything-v2-small-metric-indoor'
const sampleDepthPng = decode(readFileSync(sampleFramePaths().depthPath))
installTinyDepthModel(
  join(scratch, 'models'),
  DEPTH_MODEL,
  Float32Array.from(sampleDepthPng.data as ArrayLike<number>, (mm) => (2 * mm) / 1000),
)
const service = new SpatialService(new InlineSceneExecutor(), 'electron', {
  log: new MeasurementLog({ path: join(scratch, 'measurements.jsonl') }),
  settings: new SettingsStore({ directory: join(scratch, 'home') }),
  calibrations: new CalibrationStore({ directory: join(scratch, 'calibrations') }),
})
const ipcMain = new FakeIpcMain()
const isTrusted = (url: string) => isOwnContent(url, { indexHtmlPath: OWN_INDEX_HTML })
registerIpcHandlers(ipcMain, service, isTrusted)

interface Context {
  sceneId: string
  /** Two object names of the analysed sample, for scene:measure. */
  objectNames: string[]
  /** A recording's source session (topics chosen, one frame processed) and that frame's scene. */
  sessionId: string
  sourceSceneId: string
}
const recording = join(scratch, 'kinect.mcap')

/** One valid and one invalid message per channel; a new channel without a case fails typecheck. */
const cases: {
  [C in Channel]: { valid(context: Context): ChannelInput<C>; invalid: unknown; field: string }
} = {
  'app:info': { valid: () => ({}), invalid: { verbose: true }, field: 'verbose' },
  'scene:analyze': {
    valid: () => ({ frame: { kind: 'sample' }, regions: [], perception: { detector: 'none' } }),
    invalid: { frame: { kind: 'sample' }, regions: [{ label: '', box: [0, 0, 10, 10] }] },
    field: 'regions.0.label',
  },
  'qa:ask': {
    valid: ({ sceneId }) => ({ sceneId, question: 'how tall is the laptop' }),
    invalid: { sceneId: 'x', question: '   ' },
    field: 'question',
  },
  'qa:verify': {
    valid: ({ sceneId }) => ({ sceneId, statement: 'the laptop is left of the book' }),
    invalid: { sceneId: 'x', statement: '' },
    field: 'statement',
  },
  'log:add': {
    valid: ({ sceneId }) => ({ sceneId, text: 'picked points', valueM: 0.3 }),
    invalid: { sceneId: 'x', text: 'picked points', valueM: 'far' },
    field: 'valueM',
  },
  'log:list': { valid: () => ({}), invalid: { limit: 5 }, field: 'limit' },
  'log:clear': { valid: () => ({}), invalid: { all: true }, field: 'all' },
  'log:export': { valid: () => ({ format: 'jsonl' }), invalid: { format: 'pdf' }, field: 'format' },
  'scene:pointAt': {
    valid: ({ sceneId }) => ({ sceneId, pixel: [320, 300] }),
    invalid: { sceneId: 'x', pixel: [320] },
    field: 'pixel',
  },
  'scene:measure': {
    valid: ({ sceneId, objectNames }) => ({
      sceneId,
      a: { object: objectNames[0] },
      b: { object: objectNames[1] },
    }),
    invalid: { sceneId: 'x', a: { object: 'mug' } },
    field: 'b',
  },
  'qa:reason': {
    valid: ({ sceneId }) => ({ sceneId, question: 'how tall is the laptop', requestId: 'ipc-1' }),
    invalid: { sceneId: 'x', question: 'how tall is the laptop' },
    field: 'requestId',
  },
  'qa:cancel': {
    valid: () => ({ requestId: 'not-running' }),
    invalid: { requestId: '' },
    field: 'requestId',
  },
  'settings:get': { valid: () => ({}), invalid: { all: true }, field: 'all' },
  'settings:update': {
    valid: () => ({ units: 'imperial' }),
    invalid: { units: 'cubits' },
    field: 'units',
  },
  'llm:test': { valid: () => ({}), invalid: { spec: 42 }, field: 'spec' },
  'models:list': { valid: () => ({}), invalid: { all: true }, field: 'all' },
  'models:info': {
    valid: () => ({ modelId: 'nanodet-m' }),
    invalid: { modelId: '' },
    field: 'modelId',
  },
  'models:download': {
    valid: () => ({ modelId: 'nanodet-m' }),
    invalid: { modelId: '' },
    field: 'modelId',
  },
  'models:cancel': { valid: () => ({ modelId: 'nanodet-m' }), invalid: {}, field: 'modelId' },
  'models:verify': {
    valid: () => ({ modelId: 'nanodet-m' }),
    invalid: { modelId: 7 },
    field: 'modelId',
  },
  'models:remove': {
    valid: () => ({ modelId: 'metric3d-vit-small' }),
    invalid: { modelId: 'x', force: true },
    field: 'force',
  },
  'perception:detect2d': {
    // The built-in NanoDet on the CPU: it runs everywhere the app does.
    valid: () => ({ image: sampleColorPng, name: 'webcam frame', perception: { provider: 'cpu' } }),
    invalid: { image: 'color.png' },
    field: 'image',
  },
  'calibration:list': { valid: () => ({}), invalid: { camera: 'sample' }, field: 'camera' },
  'calibration:run': {
    valid: ({ sceneId }) => ({ sceneId, modelId: DEPTH_MODEL, method: { kind: 'rgbd-frame' } }),
    invalid: {
      sceneId: 'x',
      modelId: DEPTH_MODEL,
      method: {
        kind: 'known-distance',
        fromInWorld: [0, 0, 1],
        toInWorld: [0, 0, 2],
        distanceM: -1,
      },
    },
    field: 'method.distanceM',
  },
  'calibration:remove': {
    valid: () => ({ cameraId: 'sample', modelId: DEPTH_MODEL }),
    invalid: { cameraId: '', modelId: DEPTH_MODEL },
    field: 'cameraId',
  },
  'source:recordings': { valid: () => ({}), invalid: { dir: '/' }, field: 'dir' },
  'source:open': {
    valid: () => ({ kind: 'mcap', path: recording }),
    invalid: { kind: 'rosbridge', url: 'http://robot:9090' },
    field: 'url',
  },
  'source:topics': {
    valid: ({ sessionId }) => ({ sessionId }),
    invalid: { sessionId: 'not-a-uuid' },
    field: 'sessionId',
  },
  'source:select': {
    valid: ({ sessionId }) => ({
      sessionId,
      topics: { colorTopic: COLOR_TOPIC, depthTopic: DEPTH_TOPIC },
      perception: { detector: 'none' },
    }),
    invalid: { sessionId: randomUUID(), topics: { colorTopic: '' } },
    field: 'topics.colorTopic',
  },
  'source:seek': {
    valid: ({ sessionId }) => ({ sessionId, timeNs: `${T0_NS}` }),
    invalid: { sessionId: randomUUID(), timeNs: '-5' },
    field: 'timeNs',
  },
  'source:play': {
    valid: ({ sessionId }) => ({ sessionId, isPlaying: false }),
    invalid: { sessionId: randomUUID(), isPlaying: 'yes' },
    field: 'isPlaying',
  },
  'source:watch': {
    valid: ({ sessionId }) => ({ sessionId, questions: ['how tall is the laptop'] }),
    invalid: { sessionId: randomUUID(), questions: ['ok'], minChangeCm: -1 },
    field: 'minChangeCm',
  },
  'source:scene': {
    valid: ({ sessionId, sourceSceneId }) => ({ sessionId, sceneId: sourceSceneId }),
    invalid: { sessionId: randomUUID(), sceneId: '' },
    field: 'sceneId',
  },
  'source:close': {
    valid: ({ sessionId }) => ({ sessionId }),
    invalid: { sessionId: randomUUID(), force: true },
    field: 'force',
  },
}

const context: Context = { sceneId: '', objectNames: [], sessionId: '', sourceSceneId: '' }

/** The sample's colour image (PNG bytes), as a webcam frame would come for 2D detection. */
const sampleColorPng = new Uint8Array(readFileSync(sampleFramePaths().rgbPath))

beforeAll(async () => {
  const reply = (await ipcMain.invoke('scene:analyze', cases['scene:analyze'].valid(context))) as {
    ok: boolean
    value: { summary: { sceneId: string; objects: { name: string }[] } }
  }
  expect(reply.ok).toBe(true)
  context.sceneId = reply.value.summary.sceneId
  context.objectNames = reply.value.summary.objects.map((object) => object.name)
  expect(context.objectNames.length).toBeGreaterThanOrEqual(2)
  // A recording's session with one processed frame, for the source:* cases.
  await writeRgbdMcap(recording, 1)
  const firstFrame = new Promise<string>((resolve) =>
    service.subscribe((event, payload) => {
      if (event === 'source:frame') resolve((payload as { sceneId: string }).sceneId)
    }),
  )
  const opened = (await ipcMain.invoke('source:open', { kind: 'mcap', path: recording })) as {
    value: { sessionId: string }
  }
  context.sessionId = opened.value.sessionId
  await ipcMain.invoke('source:select', cases['source:select'].valid(context))
  context.sourceSceneId = await firstFrame
})
afterAll(async () => {
  await service.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

describe('registerIpcHandlers (main-process IPC)', () => {
  it('registers exactly one handler per contract channel, and removes them all', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort())
    const other = new FakeIpcMain()
    const remove = registerIpcHandlers(other, service, isTrusted)
    remove()
    expect(other.handlers.size).toBe(0)
  })

  it.each(channels)(
    '%s: an invalid message is rejected with an error naming the field',
    async (channel) => {
      const reply = await ipcMain.invoke(channel, cases[channel].invalid)
      expect(reply).toMatchObject({ ok: false, error: { field: cases[channel].field } })
      const { message } = (reply as { error: { message: string } }).error
      expect(message.startsWith(`${channel}: `)).toBe(true)
      expect(message).toContain(cases[channel].field)
    },
  )

  it.each(channels)(
    '%s: a valid message goes through and the reply fits the contract',
    async (channel) => {
      const reply = (await ipcMain.invoke(channel, cases[channel].valid(context))) as {
        ok: boolean
        value?: unknown
        error?: unknown
      }
      expect(reply.error).toBeUndefined()
      expect(reply.ok).toBe(true)
      expect(contract[channel].output.safeParse(reply.value).success).toBe(true)
    },
  )

  it('perception:detect2d: the built-in detector finds the laptop in the bytes sent over IPC', async () => {
    const reply = (await ipcMain.invoke(
      'perception:detect2d',
      cases['perception:detect2d'].valid(context),
    )) as {
      ok: boolean
      value: {
        width: number
        height: number
        detections: { label: string }[]
        step: { modelId: string } | null
      }
    }
    expect(reply.ok).toBe(true)
    expect([reply.value.width, reply.value.height]).toEqual([640, 480])
    expect(reply.value.step?.modelId).toBe('nanodet-m')
    expect(reply.value.detections.map((detection) => detection.label)).toContain('laptop')
  })

  it('rejects a message that is not an object, naming the message', async () => {
    const reply = await ipcMain.invoke('qa:ask', 'how far is it')
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^qa:ask: invalid message: .*expected object/) },
    })
    // Only the envelope crosses to the renderer: whose failure it was stays in the main process.
    expect(Object.keys(reply as object).sort()).toEqual(['error', 'ok'])
  })

  it('rejects unknown channels: no handler in the main process, and the services refuse them too', async () => {
    await expect(ipcMain.invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toThrow(
      /No handler registered for 'fs:readFile'/,
    )
    const result = await service.handle('fs:readFile' as Channel, {})
    expect(result).toEqual({
      ok: false,
      error: { message: 'unknown channel "fs:readFile"' },
      cause: 'user',
    })
  })

  it('refuses requests from pages that are not the app (the services are not called)', async () => {
    const spy = { handle: vi.fn() }
    const guarded = new FakeIpcMain()
    registerIpcHandlers(guarded, spy, isTrusted)
    const reply = await guarded.invoke('log:clear', {}, 'https://example.com/')
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/refused a request from https:\/\/example\.com/) },
    })
    expect(spy.handle).not.toHaveBeenCalled()
  })

  it('validates replies: a reply that breaks the contract becomes an error naming the field', async () => {
    const inline = new InlineSceneExecutor()
    const broken: SceneExecutor = {
      visionModel: (request) => inline.visionModel(request),
      askVision: (request) => inline.askVision(request),
      fitCalibration: (request) => inline.fitCalibration(request),
      analyze: async (request, sceneId) => {
        const real = await inline.analyze(request, sceneId)
        return { ...real, summary: { ...real.summary, timestampNs: 'yesterday' } }
      },
      detect2d: (request) => inline.detect2d(request),
      dispose: async () => undefined,
    }
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const host = new FakeIpcMain()
    registerIpcHandlers(
      host,
      new SpatialService(broken, 'electron', {
        log: new MeasurementLog({ path: join(scratch, 'other.jsonl') }),
      }),
      isTrusted,
    )
    const reply = await host.invoke('scene:analyze', cases['scene:analyze'].valid(context))
    quiet.mockRestore()
    expect(reply).toMatchObject({
      ok: false,
      error: {
        field: 'summary.timestampNs',
        message: expect.stringMatching(/in the service's reply: this is a bug/),
      },
    })
  })
})

describe('renderer ↔ preload ↔ main round trip (IpcClient over the bridge)', () => {
  const bridge = buildSpatialBridge({
    invoke: (channel, input) => ipcMain.invoke(channel, input),
    listen: () => () => undefined,
  })
  const client = new IpcClient(bridge)

  it('answers through the whole chain', async () => {
    expect(await client.invoke('app:info', {})).toMatchObject({
      name: 'Spatial Lens',
      host: 'electron',
    })
    const file = await client.invoke('log:export', { format: 'csv' })
    expect(file.bytes).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(file.bytes)).toMatch(/^time,kind,frame,/)
  })

  it('turns a service error into a rejection with the service line', async () => {
    await expect(client.invoke('log:export', { format: 'pdf' as 'csv' })).rejects.toThrow(
      /^log:export: invalid format/,
    )
  })

  it('the renderer validates replies too: a reply that breaks the contract is rejected naming the field', async () => {
    const lying = new IpcClient(
      buildSpatialBridge({
        invoke: async () => ({ ok: true, value: { name: 'Spatial Lens', version: 1 } }),
        listen: () => () => undefined,
      }),
    )
    await expect(lying.invoke('app:info', {})).rejects.toThrow(
      /app:info: invalid version: .*in the reply/,
    )
  })

  it('a bridge without the channel (an older preload) is a clear error, not a crash', async () => {
    const { 'log:export': _missing, ...older } = buildSpatialBridge({
      invoke: async () => ({ ok: true, value: {} }),
      listen: () => () => undefined,
    })
    await expect(
      new IpcClient(older as typeof bridge).invoke('log:export', { format: 'csv' }),
    ).rejects.toThrow(/bridge has no "log:export" channel/)
  })
})

describe('isOwnContent', () => {
  it('accepts files inside the built renderer folder, however the URL is spelled', () => {
    expect(isTrusted(OWN_URL)).toBe(true)
    expect(isTrusted(`${OWN_URL}#/settings`)).toBe(true)
    expect(
      isTrusted('file:///opt/Spatial%20Lens/resources/app.asar/out/renderer/assets/index.js'),
    ).toBe(true)
  })

  it('refuses other files, other sites, and look-alike folders', () => {
    expect(isTrusted('file:///etc/passwd')).toBe(false)
    expect(
      isTrusted('file:///opt/Spatial%20Lens/resources/app.asar/out/renderer-evil/index.html'),
    ).toBe(false)
    expect(
      isTrusted('file:///opt/Spatial%20Lens/resources/app.asar/out/renderer/../../../x.html'),
    ).toBe(false)
    expect(isTrusted('https://example.com/')).toBe(false)
    expect(isTrusted('')).toBe(false)
  })

  it('uses the dev server URL when the renderer is served', () => {
    const own = { rendererUrl: 'http://localhost:5173', indexHtmlPath: OWN_INDEX_HTML }
    expect(isOwnContent('http://localhost:5173/index.html', own)).toBe(true)
    expect(isOwnContent(OWN_URL, own)).toBe(false)
  })

  it('compares Windows paths without case', () => {
    const own = {
      indexHtmlPath: '/C:/Program Files/Spatial Lens/resources/app.asar/out/renderer/index.html',
    }
    expect(
      isOwnContent(
        'file:///c:/program%20files/spatial%20lens/resources/app.asar/out/renderer/index.html',
        own,
        'win32',
      ),
    ).toBe(true)
    expect(
      isOwnContent(
        'file:///c:/program%20files/spatial%20lens/resources/app.asar/out/renderer/index.html',
        own,
        'linux',
      ),
    ).toBe(false)
  })
})
