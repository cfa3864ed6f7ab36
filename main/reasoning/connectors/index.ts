/** LLM connectors: `--llm` spec parsing, LangChain chat model creation, user-facing request errors. */
export {
  DEFAULT_OLLAMA_HOST,
  LlmSpecError,
  parseLlmSpec,
  type LlmEnv,
  type LlmSpec,
} from './llmSpec.js'
export {
  CancellableChatOllama,
  createChatModel,
  DEFAULT_LLM_MAX_RETRIES,
  DEFAULT_LLM_TIMEOUT_MS,
  fetchWithTimeout,
  LlmConfigError,
  OfflineChatOpenAI,
  resolveApiKey,
  type ChatModelCapabilities,
  type ChatModelConnection,
  type ChatModelOptions,
} from './createChatModel.js'
export { describeLlmError, LlmRequestError, type LlmErrorKind } from './llmErrors.js'
