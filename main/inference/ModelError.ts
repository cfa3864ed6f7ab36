import { UserError } from '../app/userError'
/**
 * The one error type of the inference seam. Each says, in one line, what is wrong with which model and
 * how to fix it; the raw onnxruntime message (never its stack) is kept only as `detail`.
 */

/** What went wrong: the model file, its signature, the caller's input, the provider or the run itself. */
export type ModelErrorKind = 'missing' | 'corrupt' | 'signature' | 'input' | 'provider' | 'runtime'

/** Plain-data form of a ModelError, for crossing a worker boundary. */
export interface ModelErrorData {
  kind: ModelErrorKind
  problem: string
  fix: string
  modelPath?: string
  detail?: string
}

/**
 * A model could not be loaded or run. `message` is `problem: fix`, a single line meant for the user.
 */
export class ModelError extends UserError {
  readonly kind: ModelErrorKind
  /** What went wrong, without the fix (one line). */
  readonly problem: string
  /** What the user should do about it (one line, may name a command). */
  readonly fix: string
  readonly modelPath?: string
  /** First line of the underlying runtime message, for logs; not part of `message`. */
  readonly detail?: string

  constructor(data: ModelErrorData) {
    super(`${data.problem}: ${data.fix}`)
    this.name = 'ModelError'
    this.kind = data.kind
    this.problem = data.problem
    this.fix = data.fix
    this.modelPath = data.modelPath
    this.detail = data.detail
  }

  toData(): ModelErrorData {
    const { kind, problem, fix, modelPath, detail } = this
    return { kind, problem, fix, modelPath, detail }
  }
}

export function isModelError(error: unknown): error is ModelError {
  return error instanceof ModelError
}

/** How to tell the user to (re)install a model: its id and the command that fetches it. */
export interface InstallHint {
  modelId: string
  /** Default: `spatial-lens models download <modelId>`. */
  command?: string
}

export function installCommand(hint: InstallHint): string {
  return hint.command ?? `npx spatial-lens models download ${hint.modelId}`
}

/** "model X is not installed: run `spatial-lens models download X`". */
export function modelNotInstalled(modelPath: string, hint: InstallHint): ModelError {
  return new ModelError({
    kind: 'missing',
    problem: `model ${hint.modelId} is not installed (no file at ${modelPath})`,
    fix: `run \`${installCommand(hint)}\``,
    modelPath,
  })
}

/** The file exists but is not a loadable ONNX model (truncated download, wrong file, disk error). */
export function modelCorrupt(modelPath: string, hint: InstallHint, detail?: string): ModelError {
  return new ModelError({
    kind: 'corrupt',
    problem: `model ${hint.modelId} at ${modelPath} is corrupt or truncated (not a valid ONNX file)`,
    fix: `download it again with \`${installCommand(hint)}\``,
    modelPath,
    detail,
  })
}

/** First line of an unknown error's message, without onnxruntime's source-file prefix. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = message.split('\n')[0].trim()
  // ORT prefixes messages with "/onnxruntime_src/…/file.cc:123 function(…) ": keep what follows.
  return line.replace(/^\/\S+:\d+ .*?\) /, '')
}
