import { readFile } from 'node:fs/promises'
import { ModelError } from '../ModelError'

/** A parsed JSON object (tokenizer.json, tokenizer_config.json). */
export type JsonObject = Record<string, unknown>

/**
 * Reads one tokenizer JSON file of model `modelId`. A missing required file, an unreadable file or
 * bad JSON is a ModelError naming the install command; a missing optional file is undefined.
 */
export async function readTokenizerJson(
  path: string,
  modelId: string,
  isRequired: boolean,
): Promise<JsonObject | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (!isRequired && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new ModelError({
      kind: 'missing',
      problem: `tokenizer file ${path} of model ${modelId} cannot be read`,
      fix: `run \`npx spatial-lens models download ${modelId}\``,
      modelPath: path,
      detail: error instanceof Error ? error.message : String(error),
    })
  }
  try {
    return JSON.parse(text) as JsonObject
  } catch (error) {
    throw new ModelError({
      kind: 'corrupt',
      problem: `tokenizer file ${path} of model ${modelId} is not valid JSON`,
      fix: `download it again with \`npx spatial-lens models download ${modelId}\``,
      modelPath: path,
      detail: error instanceof Error ? error.message : String(error),
    })
  }
}
