/**
 * The only module that imports onnxruntime-node. It creates sessions, converts plain TensorData to and
 * from ORT tensors, reads model signatures and probes execution providers. Everything it returns is
 * plain data: ORT objects never leave this file.
 *
 * Errors from ORT propagate raw; ModelHost turns them into one-line ModelErrors.
 */
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as ort from 'onnxruntime-node'
import { probeModelBytes } from './probeModel'
import { countedNativeCall } from './nativeActivity'
import type { ExecutionProviderName, ModelSignature, TensorData, TensorSpec } from './types'

/** A loaded model. The holder owns it and must call release() once. */
export interface OrtSessionHandle {
  readonly signature: ModelSignature
  /**
   * Runs the model. Input buffers are only read (and must stay untouched until the promise settles);
   * output arrays are freshly allocated, each covering its whole ArrayBuffer, owned by the caller.
   */
  run(inputs: Record<string, TensorData>): Promise<Record<string, TensorData>>
  release(): Promise<void>
}

export interface SessionSettings {
  /** Threads ORT may use inside one operator; 0 or undefined = ORT's default (all cores). */
  intraOpNumThreads?: number
}

/** Creates a session on exactly one provider (ORT adds nothing else and throws when it is unavailable). */
export async function createOrtSession(
  model: string | Uint8Array,
  provider: ExecutionProviderName,
  settings: SessionSettings = {},
): Promise<OrtSessionHandle> {
  const options: ort.InferenceSession.SessionOptions = {
    executionProviders: [provider],
    // ORT otherwise prints hundreds of warnings (unused initializers, shape merges) per session.
    logSeverityLevel: 3,
    ...(settings.intraOpNumThreads ? { intraOpNumThreads: settings.intraOpNumThreads } : {}),
  }
  const session = await countedNativeCall(() =>
    typeof model === 'string'
      ? ort.InferenceSession.create(model, options)
      : ort.InferenceSession.create(model, options),
  )
  const signature = {
    inputs: session.inputMetadata.map(toSpec),
    outputs: session.outputMetadata.map(toSpec),
  }
  return {
    signature,
    async run(inputs) {
      const feeds: Record<string, ort.Tensor> = {}
      for (const [name, tensor] of Object.entries(inputs)) feeds[name] = toOrtTensor(tensor)
      const results = await countedNativeCall(() => session.run(feeds))
      const outputs: Record<string, TensorData> = {}
      for (const [name, value] of Object.entries(results))
        outputs[name] = fromOrtTensor(name, value)
      return outputs
    },
    release: () => session.release(),
  }
}

function toSpec(meta: ort.InferenceSession.ValueMetadata): TensorSpec {
  if (!meta.isTensor) return { name: meta.name, type: 'non-tensor', dims: [] }
  // Unnamed dynamic dims come back as -1 or ''; normalise both to -1.
  const dims = meta.shape.map((d) => (typeof d === 'number' ? (d < 0 ? -1 : d) : d === '' ? -1 : d))
  return { name: meta.name, type: meta.type, dims }
}

/** Wraps plain data as an ORT tensor without copying. */
export function toOrtTensor(tensor: TensorData): ort.Tensor {
  switch (tensor.type) {
    case 'float32':
      return new ort.Tensor('float32', tensor.data as Float32Array, tensor.dims)
    case 'int64':
      return new ort.Tensor('int64', tensor.data as BigInt64Array, tensor.dims)
    case 'int32':
      return new ort.Tensor('int32', tensor.data as Int32Array, tensor.dims)
    case 'uint8':
      return new ort.Tensor('uint8', tensor.data as Uint8Array, tensor.dims)
    case 'bool':
      return new ort.Tensor('bool', tensor.data as Uint8Array, tensor.dims)
  }
}

/** Copies an ORT output into plain data that owns its whole buffer (so it can be transferred). */
export function fromOrtTensor(name: string, value: ort.OnnxValue): TensorData {
  const tensor = value as ort.Tensor
  const dims = [...tensor.dims]
  const owned = <
    T extends { byteOffset: number; byteLength: number; buffer: ArrayBufferLike; slice(): T },
  >(
    data: T,
  ): T =>
    data.byteOffset === 0 &&
    data.byteLength === data.buffer.byteLength &&
    data.buffer instanceof ArrayBuffer
      ? data
      : data.slice()
  switch (tensor.type) {
    case 'float32':
      return { type: 'float32', dims, data: owned(tensor.data as Float32Array) }
    case 'int64':
      return { type: 'int64', dims, data: owned(tensor.data as BigInt64Array) }
    case 'int32':
      return { type: 'int32', dims, data: owned(tensor.data as Int32Array) }
    case 'uint8':
      return { type: 'uint8', dims, data: owned(tensor.data as Uint8Array) }
    case 'bool':
      return { type: 'bool', dims, data: owned(tensor.data as Uint8Array) }
    default:
      throw new Error(
        `output '${name}' has type ${tensor.type}, which the inference seam does not carry`,
      )
  }
}

const PROVIDER_LIBRARY: Partial<Record<ExecutionProviderName, Record<string, string>>> = {
  cuda: {
    linux: 'libonnxruntime_providers_cuda.so',
    win32: 'onnxruntime_providers_cuda.dll',
  },
}

/** Folder holding onnxruntime-node's native binding for this platform and architecture. */
export function bindingDirectory(): string {
  const require = createRequire(import.meta.url)
  const packageDir = dirname(require.resolve('onnxruntime-node/package.json'))
  return join(packageDir, 'bin', 'napi-v6', process.platform, process.arch)
}

/**
 * Whether a provider that ships as a separate library (CUDA: fetched by onnxruntime-node's install step
 * only on request) is present next to the binding. Bundled providers (cpu, webgpu) return true.
 */
export function isProviderLibraryPresent(provider: ExecutionProviderName): boolean {
  if (provider === 'webgpu' && process.platform === 'linux') return hasVulkanLoader()
  const libraries = PROVIDER_LIBRARY[provider]
  if (!libraries) return true
  const library = libraries[process.platform]
  return library !== undefined && existsSync(join(bindingDirectory(), library))
}

/**
 * On Linux the bundled WebGPU provider (Dawn) reaches the GPU through Vulkan. It needs both the Vulkan loader and a
 * GPU device node; without either it cannot work, and probing it makes Dawn print native warnings on every start
 * (with only Mesa's software Vulkan driver — installed alongside ffmpeg, for one — it fails after printing several),
 * so the provider counts as not installed. GPU.md shows how to add the loader on a GPU machine.
 */
function hasVulkanLoader(): boolean {
  return hasVulkanLibrary() && hasGpuDevice(readDeviceNames)
}

function hasVulkanLibrary(): boolean {
  const directories = [
    ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean),
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib64',
    '/usr/lib',
    '/lib/x86_64-linux-gnu',
    '/usr/local/lib',
  ]
  return directories.some((directory) => existsSync(join(directory, 'libvulkan.so.1')))
}

function readDeviceNames(directory: string): string[] {
  try {
    return readdirSync(directory)
  } catch {
    return []
  }
}

/**
 * Whether a GPU is reachable: NVIDIA's /dev/nvidia0, a DRM render node (/dev/dri/renderD*: AMD, Intel, Mesa), or
 * WSL2's /dev/dxg. `list` reads a directory's entry names (injected in tests).
 */
export function hasGpuDevice(list: (directory: string) => string[]): boolean {
  const dev = list('/dev')
  if (dev.includes('nvidia0') || dev.includes('dxg')) return true
  return list('/dev/dri').some((name) => name.startsWith('renderD'))
}

const probes = new Map<ExecutionProviderName, Promise<string | undefined>>()

/**
 * Tries a provider once per thread by creating a session on a one-node model. Resolves to undefined
 * when it works, else to the runtime's error (first line). Cached: adapters do not appear at run time.
 */
export function probeProvider(provider: ExecutionProviderName): Promise<string | undefined> {
  let probe = probes.get(provider)
  if (!probe) {
    probe = createOrtSession(probeModelBytes(), provider).then(
      (session) => session.release().then(() => undefined),
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    )
    probes.set(provider, probe)
  }
  return probe
}
