/**
 * Whether the embedded LLM runtime (node-llama-cpp, `npm run setup:llm`) is installed. `npm test` no longer
 * installs it (that needs the npm registry): tests that run it are skipped without it, with a note saying how
 * to install it, except in CI (`CI=true`), where `.ci/run` installs it first and its absence is a failure.
 */
import { findLlamaRuntime } from '../../main/reasoning/connectors/llama/loadNodeLlamaCpp.js'

export const hasLlamaRuntime = findLlamaRuntime({}) !== null

/** True when tests that run node-llama-cpp must run (installed, or CI where missing means failure). */
export const runsLlamaTests = hasLlamaRuntime || process.env.CI === 'true'

if (!runsLlamaTests) {
  console.warn(
    'node-llama-cpp is not installed: skipping the embedded-LLM tests (install it with `npm run setup:llm`)',
  )
}
