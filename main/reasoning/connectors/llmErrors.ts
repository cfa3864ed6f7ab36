/**
 * Turns what the Ollama and OpenAI clients throw (ResponseError, APIError, fetch TypeErrors, abort
 * DOMExceptions) into one user-facing error that names the endpoint and says what to do.
 */
import type { ChatModelConnection } from './createChatModel.js'

/** Why a request to the LLM failed. */
export type LlmErrorKind = 'http' | 'timeout' | 'unreachable' | 'cancelled' | 'unknown'

/** A failed LLM request, described for the user. `cause` is the client library's error. */
export class LlmRequestError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'LlmRequestError'
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ECONNRESET',
  'EAI_AGAIN',
  'ENETUNREACH',
])

/** The error and its `cause` chain (bounded: causes can be cyclic in theory). */
function causeChain(error: unknown): any[] {
  const chain: any[] = []
  let current: any = error
  while (current && typeof current === 'object' && chain.length < 6) {
    chain.push(current)
    current = current.cause
  }
  return chain
}

function httpStatus(chain: any[]): number | undefined {
  for (const e of chain) {
    const status = e.status ?? e.status_code
    if (typeof status === 'number' && status >= 400) return status
  }
  return undefined
}

function serverDetail(chain: any[]): string {
  const first = chain[0]
  const inner = first?.error
  if (typeof inner === 'string') return inner
  if (inner && typeof inner.message === 'string') return inner.message
  return typeof first?.message === 'string' ? first.message : String(first)
}

function httpHint(status: number, connection: ChatModelConnection): string {
  const { spec } = connection
  if (status === 401 || status === 403)
    return 'Check the API key (settings, SPATIAL_LENS_LLM_API_KEY or OPENAI_API_KEY).'
  if (status === 404) {
    return spec.provider === 'ollama'
      ? `Check the model name; pull it with \`ollama pull ${spec.model}\`.`
      : 'Check the URL (it usually ends in /v1) and the model name the server serves.'
  }
  if (status === 429) return 'The server is rate-limiting; wait and try again.'
  return 'The server failed while answering; check its log.'
}

function unreachableHint(connection: ChatModelConnection): string {
  return connection.spec.provider === 'ollama'
    ? 'Start it with `ollama serve`, or point OLLAMA_HOST / the --llm URL at the right host.'
    : 'Start the server (llama.cpp llama-server, vLLM, LM Studio) or fix the URL in --llm.'
}

/**
 * Describes any error thrown by `connection.model` (invoke/stream) as an {@link LlmRequestError}.
 * Already-described errors pass through unchanged.
 */
export function describeLlmError(error: unknown, connection: ChatModelConnection): LlmRequestError {
  if (error instanceof LlmRequestError) return error
  const chain = causeChain(error)
  if (connection.spec.provider === 'llama') return describeEmbeddedError(error, chain, connection)
  const where = `${connection.spec.provider === 'ollama' ? 'Ollama' : 'The OpenAI-compatible server'} at ${connection.endpoint}`
  const status = httpStatus(chain)
  if (status !== undefined) {
    const message = `${where} answered HTTP ${status} (${serverDetail(chain)}) for model "${connection.spec.model}". ${httpHint(status, connection)}`
    return new LlmRequestError('http', message, status, { cause: error })
  }
  if (chain.some((e) => e.name === 'TimeoutError' || /timed out/i.test(String(e.message)))) {
    const message = `${where} did not answer within ${connection.timeoutMs} ms. The model may still be loading or too slow for this machine; raise the timeout or use a smaller model.`
    return new LlmRequestError('timeout', message, undefined, { cause: error })
  }
  if (chain.some((e) => e.name === 'AbortError' || e.name === 'APIUserAbortError')) {
    return new LlmRequestError('cancelled', `The request to ${where} was cancelled.`, undefined, {
      cause: error,
    })
  }
  const network = chain.find((e) => NETWORK_CODES.has(e.code))
  if (network || chain.some((e) => /fetch failed|connection error/i.test(String(e.message)))) {
    const reason = network ? ` (${network.code})` : ''
    const message = `Cannot reach ${where}${reason}. ${unreachableHint(connection)}`
    return new LlmRequestError('unreachable', message, undefined, { cause: error })
  }
  return new LlmRequestError('unknown', `${where} failed: ${serverDetail(chain)}`, undefined, {
    cause: error,
  })
}

/** Errors of the in-process model: there is no server, so they are about the file, the runtime or time. */
function describeEmbeddedError(
  error: unknown,
  chain: any[],
  connection: ChatModelConnection,
): LlmRequestError {
  const where = `The embedded model ${connection.endpoint}`
  if (chain.some((e) => e.name === 'TimeoutError')) {
    const message = `${where} did not finish within ${connection.timeoutMs} ms. Use a smaller model, a GPU build (\`npm run setup:llm -- --gpu cuda\`), or raise the time limit.`
    return new LlmRequestError('timeout', message, undefined, { cause: error })
  }
  if (chain.some((e) => e.name === 'AbortError')) {
    return new LlmRequestError('cancelled', `${where} was cancelled.`, undefined, { cause: error })
  }
  if (chain.some((e) => /context shift|context size/i.test(String(e.message)))) {
    const message = `The conversation no longer fits ${where}'s context window. Ask a shorter question, lower the step limit, or use a model with a longer context.`
    return new LlmRequestError('unknown', message, undefined, { cause: error })
  }
  // Configuration errors (runtime or file missing, unloadable GGUF) already say what to do.
  const message =
    chain[0]?.name === 'LlmConfigError'
      ? String(chain[0].message)
      : `${where} failed: ${serverDetail(chain)}`
  return new LlmRequestError('unknown', message, undefined, { cause: error })
}
