import { closeSync, openSync, readSync } from 'node:fs'
import { LlmConfigError } from '../llmConfigError.js'

/** GGUF versions llama.cpp reads. */
const KNOWN_VERSIONS = new Set([1, 2, 3])

/**
 * Checks the GGUF magic and version before the file reaches llama.cpp: node-llama-cpp reads a file
 * with an unknown version "as version 3" and can then spin forever on garbage lengths.
 */
export function assertGgufHeader(path: string): void {
  const header = Buffer.alloc(8)
  const fd = openSync(path, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, 8, 0)
  } finally {
    closeSync(fd)
  }
  if (read < 8 || header.toString('latin1', 0, 4) !== 'GGUF')
    throw new LlmConfigError(`${path} is not a GGUF model file (it does not start with "GGUF").`)
  const version = header.readUInt32LE(4)
  if (!KNOWN_VERSIONS.has(version))
    throw new LlmConfigError(
      `${path} has GGUF version ${version}, which llama.cpp cannot read (known: 1–3); the file is corrupt or from a newer format.`,
    )
}
