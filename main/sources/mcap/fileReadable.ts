/**
 * An @mcap/core IReadable over a node file handle: the indexed reader asks for byte ranges (footer, summary, one
 * chunk at a time), so a file of any size opens without being read whole.
 */
import { open, type FileHandle } from 'node:fs/promises'

export class FileReadable {
  private constructor(
    private readonly handle: FileHandle,
    private readonly sizeBytes: bigint,
  ) {}

  static async open(path: string): Promise<FileReadable> {
    const handle = await open(path, 'r')
    const stat = await handle.stat()
    return new FileReadable(handle, BigInt(stat.size))
  }

  async size(): Promise<bigint> {
    return this.sizeBytes
  }

  async read(offset: bigint, size: bigint): Promise<Uint8Array> {
    if (offset + size > this.sizeBytes) {
      throw new Error(
        `read of ${size} bytes at ${offset} runs past the end of the ${this.sizeBytes}-byte file (truncated?)`,
      )
    }
    const buffer = new Uint8Array(Number(size))
    let done = 0
    while (done < buffer.length) {
      const { bytesRead } = await this.handle.read(
        buffer,
        done,
        buffer.length - done,
        Number(offset) + done,
      )
      if (bytesRead === 0)
        throw new Error(`file ended at ${Number(offset) + done} bytes (truncated?)`)
      done += bytesRead
    }
    return buffer
  }

  async close(): Promise<void> {
    await this.handle.close()
  }
}
