import { UserError } from '../app/userError'
/**
 * The one error type that frame sources throw.
 *
 * Sources read user files (uploads, folders, recordings), so their failures are user errors, not bugs: the message
 * is a single line that names the file, says what is wrong and what to do. Library errors (sharp, fast-png, zod,
 * node:fs) never escape raw; they are kept as `cause` for debugging only, so hosts can print `message` as-is.
 */
export class SourceError extends UserError {
  /** The file (path or upload name) the problem is about, when there is one. */
  readonly file?: string

  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super(oneLine(message), { cause: options.cause })
    this.name = 'SourceError'
    this.file = options.file
  }
}

/**
 * A short, single-line description of an unknown thrown value, for embedding in a SourceError message.
 * Library messages can be multi-line or very long (sharp appends libvips logs), which would break one-line output.
 */
export function describeCause(error: unknown, maxLength = 160): string {
  const text = error instanceof Error ? error.message : String(error)
  const line = oneLine(text)
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line
}

function oneLine(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? ''
  return firstLine.trim()
}
