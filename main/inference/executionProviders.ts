/**
 * Which execution provider runs a model. Creating an ORT session with an unavailable provider throws
 * (ORT does not fall back by itself), so we probe each candidate once per thread and fall back in
 * code, saying so in one line, and report the provider that was chosen.
 */
import { ModelError } from './ModelError'
import { isProviderLibraryPresent, probeProvider } from './ortRuntime'
import type { ExecutionProviderName } from './types'

/** Preference order when the caller names none: CUDA (where installed) → WebGPU → CPU. */
export const DEFAULT_PROVIDER_ORDER: readonly ExecutionProviderName[] = ['cuda', 'webgpu', 'cpu']

/** How to find out whether a provider works here; tests inject fakes. */
export interface ProviderProber {
  /** Whether the provider's library is installed at all (false: skip it without probing). */
  isInstalled(provider: ExecutionProviderName): boolean
  /** Resolves to undefined when a session can be created on it, else to the runtime's message. */
  probe(provider: ExecutionProviderName): Promise<string | undefined>
}

/** The real prober: onnxruntime-node's binding folder and a one-node probe session. */
export const ortProber: ProviderProber = {
  isInstalled: isProviderLibraryPresent,
  probe: probeProvider,
}

export interface ProviderChoice {
  provider: ExecutionProviderName
  /** One line when a requested or preferred provider was skipped, e.g. "webgpu unavailable (no GPU adapter): using cpu". */
  fallbackNotice?: string
}

/** Turns a runtime's probe failure into a few words a user can act on. */
export function summarizeProbeFailure(provider: ExecutionProviderName, message: string): string {
  if (/adapter/i.test(message)) return 'no GPU adapter'
  if (/shared library|providers_shared|cannot open shared object|\.so|\.dll/i.test(message)) {
    return `its ${provider === 'cuda' ? 'CUDA ' : ''}libraries could not be loaded`
  }
  if (/backend not found|no available backend/i.test(message))
    return 'not built into this onnxruntime'
  const line = message.split('\n')[0]
  return line.length > 120 ? `${line.slice(0, 117)}...` : line
}

/**
 * Picks the first provider in `requested` (default DEFAULT_PROVIDER_ORDER) that works here.
 * Throws a ModelError (kind 'provider') when none of the requested providers works: a user who asked
 * for `--provider webgpu` gets an error, not a silent CPU run.
 */
export async function chooseProvider(
  requested: readonly ExecutionProviderName[] | undefined,
  prober: ProviderProber = ortProber,
): Promise<ProviderChoice> {
  const isDefault = requested === undefined || requested.length === 0
  const candidates = isDefault ? DEFAULT_PROVIDER_ORDER : [...new Set(requested)]
  const skipped: string[] = []
  for (const provider of candidates) {
    if (provider === 'cpu') return { provider, fallbackNotice: notice(skipped, provider) }
    if (!prober.isInstalled(provider)) {
      // In the default order a provider the user never installed is not a fallback worth a line.
      if (!isDefault) skipped.push(`${provider} unavailable (${NOT_INSTALLED_REASON[provider]})`)
      continue
    }
    const failure = await prober.probe(provider)
    if (failure === undefined) return { provider, fallbackNotice: notice(skipped, provider) }
    skipped.push(`${provider} unavailable (${summarizeProbeFailure(provider, failure)})`)
  }
  throw new ModelError({
    kind: 'provider',
    problem: `execution provider ${skipped.join('; ')}`,
    fix: 'choose another provider, or leave it unset to use the best one available (cpu always works)',
  })
}

const NOT_INSTALLED_REASON: Record<ExecutionProviderName, string> = {
  cuda: 'its CUDA libraries were not installed with onnxruntime-node',
  webgpu: 'no Vulkan loader (libvulkan.so.1): no GPU driver stack for WebGPU',
  cpu: '',
}

function notice(skipped: string[], chosen: ExecutionProviderName): string | undefined {
  return skipped.length > 0 ? `${skipped.join(', ')}: using ${chosen}` : undefined
}

const PROVIDER_NAMES: readonly ExecutionProviderName[] = ['cuda', 'webgpu', 'cpu']

/** Parses a user's `--provider` value ("webgpu", "cuda,cpu"); throws a one-line Error for unknown names. */
export function parseProviderList(text: string): ExecutionProviderName[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0)
  for (const name of names) {
    if (!PROVIDER_NAMES.includes(name as ExecutionProviderName)) {
      throw new Error(
        `unknown execution provider '${name}': use one of ${PROVIDER_NAMES.join(', ')}`,
      )
    }
  }
  return names as ExecutionProviderName[]
}
