import { isIP } from 'node:net'
import { parseLlmSpec, type LlmEnv, type LlmSpec } from '../reasoning/connectors/llmSpec'

/**
 * An API key goes only where it was meant to go. A saved key is bound to the origin
 * (scheme://host:port) of the LLM it was saved with; another origin gets it only when the user types
 * it again. Without this, any UI client (a `serve` user on the LAN, a page that got past the origin
 * checks) could point `llm:test` or the saved spec at its own server and read the key from the
 * Authorization header. Environment keys (set by whoever started the app) go only to the hosted
 * OpenAI API and to servers on this machine.
 */

/** Where `openai:<model>` (no URL) sends requests. */
export const HOSTED_OPENAI_ORIGIN = 'https://api.openai.com'

/** Environment variables holding API keys; the services never pass them on to other hosts. */
export const API_KEY_VARIABLES = ['SPATIAL_LENS_LLM_API_KEY', 'OPENAI_API_KEY'] as const

/** The origin a spec sends requests to, or null when it has none (llama:, '', malformed). */
export function llmOrigin(spec: string | LlmSpec, env: LlmEnv = process.env): string | null {
  let parsed: LlmSpec
  try {
    parsed = typeof spec === 'string' ? parseLlmSpec(spec, env) : spec
  } catch {
    return null
  }
  if (parsed.provider === 'llama') return null
  if (parsed.provider === 'openai' && !parsed.baseUrl) return HOSTED_OPENAI_ORIGIN
  return new URL(parsed.baseUrl!).origin
}

/** The saved key's origin: the one recorded with it, else (files from before) its spec's. */
export function savedKeyOrigin(
  llm: { spec: string; apiKeyFor?: string },
  env: LlmEnv = process.env,
): string | null {
  return llm.apiKeyFor ?? llmOrigin(llm.spec, env)
}

/** What a connection to `spec` may use: the key (or none) and an environment without key variables. */
export interface KeyChoice {
  apiKey?: string
  env: LlmEnv
  /** Set when a saved key exists but is bound to another origin (for the failure message). */
  keptFor?: string
}

/**
 * The key for a connection to `spec`: the one the user just typed, else the saved key when `spec`
 * goes to the origin it was saved for, else an environment key when `spec` goes to the hosted
 * OpenAI API or to this machine. The returned `env` has no key variables, so the connector cannot
 * fall back to them.
 */
export function chooseApiKey(
  spec: LlmSpec,
  saved: { spec: string; apiKey?: string; apiKeyFor?: string },
  typedKey: string | undefined,
  env: LlmEnv = process.env,
): KeyChoice {
  const withoutKeys = Object.fromEntries(
    Object.entries(env).filter(
      ([name]) => !(API_KEY_VARIABLES as readonly string[]).includes(name),
    ),
  )
  if (typedKey) return { apiKey: typedKey, env: withoutKeys }
  const origin = llmOrigin(spec, env)
  if (origin === null) return { env: withoutKeys }
  const savedOrigin = savedKeyOrigin(saved, env)
  if (saved.apiKey && savedOrigin === origin) return { apiKey: saved.apiKey, env: withoutKeys }
  const keptFor = saved.apiKey && savedOrigin ? savedOrigin : undefined
  const variable = API_KEY_VARIABLES.map((name) => env[name]?.trim()).find(Boolean)
  if (variable && (origin === HOSTED_OPENAI_ORIGIN || isThisMachine(origin)))
    return { apiKey: variable, env: withoutKeys, keptFor }
  return { env: withoutKeys, keptFor }
}

function isThisMachine(origin: string): boolean {
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'))
}
