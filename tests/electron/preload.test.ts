import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { channels } from '../../main/contract/channels'
import type { SpatialBridge } from '../../main/contract/channelNames'
import { ROOT } from '../helpers/runCli'

// The preload without the Electron binary: `electron` is a fake that records what the preload
// exposes and forwards invokes to a spy.

const fakeElectron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({
    ok: true,
    value: { channel, input },
  })),
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fakeElectron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: fakeElectron.invoke,
    on: (event: string, listener: (event: unknown, payload: unknown) => void) =>
      fakeElectron.listeners.set(event, listener),
    removeListener: (event: string) => fakeElectron.listeners.delete(event),
  },
}))

/** The bridge's keys: one function per channel, and `on` for server events. */
const sortedKeys = [...channels, 'on'].sort()

describe('preload (source, with a fake electron module)', () => {
  let bridge: SpatialBridge

  beforeAll(async () => {
    await import('../../preload/index')
    bridge = fakeElectron.exposed.get('spatial') as SpatialBridge
  })

  it('exposes window.spatial and window.spatialFiles (the path of a picked file), nothing else', () => {
    expect([...fakeElectron.exposed.keys()]).toEqual(['spatial', 'spatialFiles'])
    expect(Object.keys(fakeElectron.exposed.get('spatialFiles') as object)).toEqual(['pathForFile'])
  })

  it('has exactly one function per contract channel plus `on` (no generic send, no raw ipcRenderer)', () => {
    expect(Object.keys(bridge).sort()).toEqual(sortedKeys)
    for (const channel of channels) expect(typeof bridge[channel]).toBe('function')
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('on: delivers only the payload of contract events, refuses other events, and stops', () => {
    const payloads: unknown[] = []
    const stop = bridge.on('qa:step', (payload) => payloads.push(payload))
    fakeElectron.listeners.get('qa:step')!(
      { sender: 'the IPC event object stays in the preload' },
      { requestId: 'r' },
    )
    expect(payloads).toEqual([{ requestId: 'r' }])
    expect(() => bridge.on('fs:watch' as 'qa:step', () => undefined)).toThrow(
      /unknown event "fs:watch"/,
    )
    stop()
    expect(fakeElectron.listeners.has('qa:step')).toBe(false)
  })

  it.each(channels)(
    '%s sends its input on its own channel and returns the reply',
    async (channel) => {
      fakeElectron.invoke.mockClear()
      const input = { probe: channel }
      await expect(bridge[channel](input)).resolves.toEqual({ ok: true, value: { channel, input } })
      expect(fakeElectron.invoke).toHaveBeenCalledExactlyOnceWith(channel, input)
    },
  )
})

describe('preload (the built bundle, as the sandbox loads it)', () => {
  it('requires only electron (sandboxed preloads cannot load anything else) and exposes the same functions', () => {
    const bundle = join(ROOT, 'out', 'preload', 'index.cjs')
    if (!existsSync(bundle))
      throw new Error(`${bundle} is missing: run \`npm run build\` (npm test does it) first`)
    const required: string[] = []
    const exposed = new Map<string, Record<string, unknown>>()
    const sent: unknown[][] = []
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: { invoke: async (...args: unknown[]) => sent.push(args) },
    }
    const module = { exports: {} }
    runInNewContext(readFileSync(bundle, 'utf8'), {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name)
        if (name === 'electron') return electron
        throw new Error(`a sandboxed preload cannot require "${name}"`)
      },
    })
    expect(required).toEqual(['electron'])
    expect([...exposed.keys()]).toEqual(['spatial', 'spatialFiles'])
    const api = exposed.get('spatial')!
    expect(Object.keys(api).sort()).toEqual(sortedKeys)
    void (api['log:list'] as (input: unknown) => Promise<unknown>)({})
    expect(sent).toEqual([['log:list', {}]])
  })
})
