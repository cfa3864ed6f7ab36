import { describe, expect, it } from 'vitest'
import {
  chooseProvider,
  parseProviderList,
  summarizeProbeFailure,
  type ProviderProber,
} from '../../main/inference/executionProviders'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { ModelError } from '../../main/inference/ModelError'
import {
  hasGpuDevice,
  isProviderLibraryPresent,
  probeProvider,
} from '../../main/inference/ortRuntime'
import { filledImage, tempDir, TINY_DETECTOR, writeTinyModel } from './fixtures'

/** A machine with the given providers installed and working; the others fail as ORT says. */
function fakeMachine(
  installed: string[],
  working: string[],
): ProviderProber & { probed: string[] } {
  const probed: string[] = []
  return {
    probed,
    isInstalled: (p) => p === 'cpu' || installed.includes(p),
    probe: async (p) => {
      probed.push(p)
      if (working.includes(p)) return undefined
      return p === 'webgpu'
        ? 'Failed to get a WebGPU adapter: No supported adapters'
        : 'OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library'
    },
  }
}

describe('chooseProvider', () => {
  it('prefers cuda, then webgpu, then cpu when nothing is requested', async () => {
    expect(
      await chooseProvider(undefined, fakeMachine(['cuda', 'webgpu'], ['cuda', 'webgpu'])),
    ).toEqual({
      provider: 'cuda',
    })
    expect(await chooseProvider(undefined, fakeMachine(['webgpu'], ['webgpu']))).toEqual({
      provider: 'webgpu',
    })
  })

  it('skips an uninstalled cuda silently by default, but says so for a failed probe', async () => {
    const machine = fakeMachine(['webgpu'], [])
    expect(await chooseProvider(undefined, machine)).toEqual({
      provider: 'cpu',
      fallbackNotice: 'webgpu unavailable (no GPU adapter): using cpu',
    })
    expect(machine.probed).toEqual(['webgpu'])
    expect(await chooseProvider([], fakeMachine(['cuda', 'webgpu'], []))).toEqual({
      provider: 'cpu',
      fallbackNotice:
        'cuda unavailable (its CUDA libraries could not be loaded), webgpu unavailable (no GPU adapter): using cpu',
    })
  })

  it('honours the requested order and names a requested provider that is not installed', async () => {
    expect(
      await chooseProvider(
        ['webgpu', 'cuda', 'cpu'],
        fakeMachine(['cuda', 'webgpu'], ['cuda', 'webgpu']),
      ),
    ).toEqual({
      provider: 'webgpu',
    })
    expect(await chooseProvider(['cuda', 'cpu'], fakeMachine([], []))).toEqual({
      provider: 'cpu',
      fallbackNotice:
        'cuda unavailable (its CUDA libraries were not installed with onnxruntime-node): using cpu',
    })
  })

  it('throws a provider ModelError when no requested provider works', async () => {
    const error = await chooseProvider(['webgpu', 'cuda'], fakeMachine(['webgpu'], [])).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ModelError)
    expect((error as ModelError).kind).toBe('provider')
    expect((error as ModelError).message).toMatch(
      /^execution provider webgpu unavailable \(no GPU adapter\); cuda unavailable \(its CUDA libraries were not installed with onnxruntime-node\): /,
    )
  })

  it('summarises runtime messages in a few words', () => {
    expect(
      summarizeProbeFailure('webgpu', 'x Failed to get a WebGPU adapter: No supported adapters'),
    ).toBe('no GPU adapter')
    expect(summarizeProbeFailure('cuda', 'Failed to load shared library')).toBe(
      'its CUDA libraries could not be loaded',
    )
    expect(summarizeProbeFailure('webgpu', 'something\nelse')).toBe('something')
  })

  it('parses --provider lists', () => {
    expect(parseProviderList('WebGPU, cpu')).toEqual(['webgpu', 'cpu'])
    expect(() => parseProviderList('tpu')).toThrow(
      "unknown execution provider 'tpu': use one of cuda, webgpu, cpu",
    )
  })
})

describe('providers on this machine (real onnxruntime)', () => {
  it('finds the cuda library only where it is installed, and cpu always works', async () => {
    expect(typeof isProviderLibraryPresent('cuda')).toBe('boolean')
    expect(isProviderLibraryPresent('cpu')).toBe(true)
    expect(await probeProvider('cpu')).toBeUndefined()
  })

  it("falls back from webgpu to cpu with one line where there is no adapter; ['webgpu'] alone is an error", async () => {
    const { dir, cleanup } = tempDir('providers')
    const model = writeTinyModel(dir, 'tiny', TINY_DETECTOR)
    const lines: string[] = []
    const runner = new InlineModelRunner({ log: (line) => lines.push(line) })
    const webgpuFailure = await probeProvider('webgpu')
    try {
      const first = await runner.run(
        model,
        { image: filledImage(1) },
        { providers: ['webgpu', 'cpu'] },
      )
      await runner.run(model, { image: filledImage(1) }, { providers: ['webgpu', 'cpu'] })
      const only = runner.run(model, { image: filledImage(1) }, { providers: ['webgpu'] })
      if (webgpuFailure === undefined) {
        // A machine with a GPU adapter (the lent GPU machine): webgpu runs.
        expect(first.provider).toBe('webgpu')
        expect(lines).toEqual([])
        expect((await only).provider).toBe('webgpu')
      } else {
        expect(first.provider).toBe('cpu')
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(/^webgpu unavailable \(.+\): using cpu$/)
        await expect(only).rejects.toThrow(
          /^execution provider webgpu unavailable \(.+\): choose another provider/,
        )
      }
    } finally {
      await runner.dispose()
      cleanup()
    }
  })
})

describe('WebGPU needs a GPU device, not only the Vulkan loader', () => {
  // ffmpeg's Debian package brings libvulkan1 and Mesa's software Vulkan driver: probing Dawn there printed
  // native warnings on every CLI start (and CLI tests expect a quiet stderr) before failing anyway.
  const devices = (tree: Record<string, string[]>) => (directory: string) => tree[directory] ?? []
  it('finds NVIDIA, DRM render nodes and WSL2, and nothing on a machine without them', () => {
    expect(hasGpuDevice(devices({ '/dev': ['null', 'nvidia0', 'nvidiactl'] }))).toBe(true)
    expect(hasGpuDevice(devices({ '/dev': ['dri'], '/dev/dri': ['card0', 'renderD128'] }))).toBe(
      true,
    )
    expect(hasGpuDevice(devices({ '/dev': ['dxg'] }))).toBe(true)
    expect(hasGpuDevice(devices({ '/dev': ['null', 'tty'], '/dev/dri': ['card0'] }))).toBe(false)
    expect(hasGpuDevice(devices({}))).toBe(false)
  })
})
