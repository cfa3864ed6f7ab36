import type { ChatModelConnection, LlmRequestError } from '../reasoning/connectors'

/**
 * `llm:test`'s failure line: what to do, never what the server sent. An HTTP status is told (it
 * says what to fix: key, URL, model); its body is not (the caller chose the URL, so the body could
 * be any internal page). Refused, reset, timed out and unreadable all read the same, so the test
 * tells a caller nothing about ports it could not otherwise reach. The embedded model (a local
 * file, no network) keeps its own message.
 */
export function describeTestFailure(
  error: LlmRequestError,
  connection: ChatModelConnection,
  keptFor?: string,
): string {
  const { spec, endpoint } = connection
  if (spec.provider === 'llama' || error.kind === 'cancelled') return error.message
  const where = `${spec.provider === 'ollama' ? 'Ollama' : 'The OpenAI-compatible server'} at ${endpoint}`
  const savedKey = keptFor
    ? ` The saved API key is kept for ${keptFor} only: type it again to use it with this server.`
    : ''
  if (error.kind === 'http' && error.status !== undefined)
    return `${where} answered HTTP ${error.status} for model "${spec.model}". ${statusHint(error.status, connection)}${error.status === 401 || error.status === 403 ? savedKey : ''}`
  return `Could not get an answer from ${where} within ${connection.timeoutMs / 1000} s. Check that the server is running and the URL is right, or raise the time limit.`
}

function statusHint(status: number, connection: ChatModelConnection): string {
  if (status === 401 || status === 403) return 'Check the API key.'
  if (status === 404)
    return connection.spec.provider === 'ollama'
      ? `Check the model name; pull it with \`ollama pull ${connection.spec.model}\`.`
      : 'Check the URL (it usually ends in /v1) and the model name the server serves.'
  if (status === 429) return 'The server is rate-limiting; wait and try again.'
  return 'The server failed while answering; check its log.'
}
