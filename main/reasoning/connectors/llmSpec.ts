import { UserError } from '../../app/userError'
/**
 * LLM connector specs as users type them on the CLI (`--llm …`) and in settings.
 *
 * - `ollama:<model>` — e.g. `ollama:qwen2.5:7b`; host from `OLLAMA_HOST`, else http://127.0.0.1:11434
 * - `ollama:http://host:port#<model>` — an explicit Ollama host
 * - `openai:http://host:port/v1#<model>` — any OpenAI-compatible endpoint (llama.cpp server, vLLM, LM Studio)
 * - `openai:<model>` — the hosted OpenAI API (needs an API key)
 * - `llama:<model id>` — a GGUF model from the model manager, run in-process by node-llama-cpp
 * - `llama:/path/to/model.gguf` — any GGUF file, run in-process
 */

/** Default Ollama host when neither the spec nor `OLLAMA_HOST` names one. */
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434'

/** A parsed `--llm` value. `baseUrl` has no trailing slash. */
export type LlmSpec =
  | { provider: 'ollama'; model: string; baseUrl: string; text: string }
  | { provider: 'openai'; model: string; baseUrl?: string; text: string }
  | { provider: 'llama'; model: string; modelPath?: string; text: string }

/** Environment variables the parser reads (injected so tests and hosts control them). */
export type LlmEnv = Readonly<Record<string, string | undefined>>

/** A spec the user typed that cannot be used; the message says what to type instead. */
export class LlmSpecError extends UserError {
  constructor(
    readonly spec: string,
    reason: string,
  ) {
    super(
      `Invalid LLM spec "${spec}": ${reason}. Use ollama:<model> (e.g. ollama:qwen2.5:7b), ` +
        'ollama:http://host:port#<model>, openai:http://host:port/v1#<model>, openai:<model>, ' +
        'llama:<model id> or llama:/path/to/model.gguf.',
    )
    this.name = 'LlmSpecError'
  }
}

const URL_PATTERN = /^https?:\/\//i

function normaliseUrl(spec: string, raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new LlmSpecError(spec, `"${raw}" is not a valid URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LlmSpecError(spec, `the URL must be http:// or https://, got ${url.protocol}`)
  }
  return url.toString().replace(/\/+$/, '')
}

/** Ollama's own convention: OLLAMA_HOST may be `host:port`, `host`, or a full URL. */
function ollamaHostFromEnv(spec: string, host: string | undefined): string {
  const value = host?.trim()
  if (!value) return DEFAULT_OLLAMA_HOST
  const withScheme = URL_PATTERN.test(value) ? value : `http://${value}`
  const url = normaliseUrl(spec, withScheme)
  const hasPort = new URL(url).port !== ''
  return hasPort || URL_PATTERN.test(value) ? url : `${url}:11434`
}

/** Splits `http://host:port/path#model` into URL and model; the model must be non-empty. */
function splitUrlAndModel(spec: string, rest: string): { baseUrl: string; model: string } {
  const hash = rest.indexOf('#')
  if (hash < 0) throw new LlmSpecError(spec, 'a URL spec needs the model after "#"')
  const model = rest.slice(hash + 1).trim()
  if (!model) throw new LlmSpecError(spec, 'the model name after "#" is empty')
  return { baseUrl: normaliseUrl(spec, rest.slice(0, hash).trim()), model }
}

/**
 * Parses an `--llm` spec. Throws {@link LlmSpecError} naming the problem for malformed specs.
 * Reads only `OLLAMA_HOST` from `env` (API keys are resolved when the model is created).
 */
export function parseLlmSpec(text: string, env: LlmEnv = process.env): LlmSpec {
  const spec = text.trim()
  const colon = spec.indexOf(':')
  if (colon < 0)
    throw new LlmSpecError(text, 'missing the provider prefix ("ollama:", "openai:" or "llama:")')
  const provider = spec.slice(0, colon).toLowerCase()
  const rest = spec.slice(colon + 1).trim()
  if (!rest) throw new LlmSpecError(text, `nothing after "${provider}:"`)
  if (provider === 'ollama') {
    if (URL_PATTERN.test(rest)) return { provider, ...splitUrlAndModel(text, rest), text: spec }
    if (/\s/.test(rest)) throw new LlmSpecError(text, 'model names cannot contain spaces')
    return { provider, model: rest, baseUrl: ollamaHostFromEnv(text, env.OLLAMA_HOST), text: spec }
  }
  if (provider === 'openai') {
    if (URL_PATTERN.test(rest)) return { provider, ...splitUrlAndModel(text, rest), text: spec }
    if (/\s|\//.test(rest) || rest.includes('#')) {
      throw new LlmSpecError(text, `"${rest}" is neither an http(s) URL nor a model name`)
    }
    return { provider, model: rest, text: spec }
  }
  if (provider === 'llama') {
    // A path names a file; anything else is a model-manager id (`spatial-lens models list`).
    if (/[\\/]/.test(rest) || /\.gguf$/i.test(rest)) {
      if (!/\.gguf$/i.test(rest)) throw new LlmSpecError(text, `"${rest}" is not a .gguf file`)
      return { provider, model: rest.split(/[\\/]/).at(-1)!, modelPath: rest, text: spec }
    }
    if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(rest))
      throw new LlmSpecError(text, `"${rest}" is neither a model id nor a path to a .gguf file`)
    return { provider, model: rest, text: spec }
  }
  throw new LlmSpecError(text, `unknown provider "${provider}"`)
}
