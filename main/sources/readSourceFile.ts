import { readFile } from 'node:fs/promises'
import { SourceError, describeCause } from './SourceError'

/**
 * Reads a whole input file, turning node:fs errors into one-line SourceErrors ("file not found: X", …).
 * @returns the file bytes as a plain Uint8Array view (no copy); the caller owns it.
 */
export async function readSourceFile(path: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const buffer = await readFile(path)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    if (code === 'ENOENT') {
      throw new SourceError(`file not found: ${path}; check the path`, { file: path, cause: error })
    }
    if (code === 'EISDIR') {
      throw new SourceError(`${path} is a directory; give the path of a file`, {
        file: path,
        cause: error,
      })
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new SourceError(
        `cannot read ${path}: permission denied; check the file's permissions`,
        {
          file: path,
          cause: error,
        },
      )
    }
    throw new SourceError(`cannot read ${path}: ${describeCause(error)}`, {
      file: path,
      cause: error,
    })
  }
}
