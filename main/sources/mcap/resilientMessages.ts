/**
 * Messages of an indexed MCAP in log-time order that survive corrupt chunks: when the reader fails (bad CRC,
 * undecompressible or truncated chunk) the error is reported and reading resumes after the failing chunk, so one bad
 * chunk costs its own messages, not the rest of the recording.
 */
import type { RecordingMessage, RecordingReader } from '../robot/recordingReader'

export interface ResilientOptions {
  topics: string[]
  startTime?: bigint
  /** Called once per failed chunk with a one-line message. */
  onError: (message: string) => void
  /** Stop after this many failures (a file that is corrupt throughout). Default 100. */
  maxErrors?: number
}

export async function* resilientMessages(
  reader: RecordingReader,
  options: ResilientOptions,
): AsyncGenerator<RecordingMessage, void, void> {
  let startTime = options.startTime
  let lastTime: bigint | undefined
  let errors = 0
  for (;;) {
    try {
      for await (const message of reader.readMessages({
        topics: options.topics,
        startTime,
        validateCrcs: true,
      })) {
        lastTime = message.logTime
        yield message
      }
      return
    } catch (error) {
      errors++
      const from = lastTime === undefined ? (startTime ?? 0n) : lastTime + 1n
      const bad = reader.chunkIndexes
        .filter((c) => c.messageEndTime >= from)
        .sort((a, b) => (a.messageStartTime < b.messageStartTime ? -1 : 1))[0]
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error)
      if (!bad || errors > (options.maxErrors ?? 100)) {
        options.onError(`reading stopped at ${from} ns: ${why}`)
        return
      }
      options.onError(
        `chunk at byte ${bad.chunkStartOffset} (${bad.messageStartTime}–${bad.messageEndTime} ns) is unreadable (${why}); skipped`,
      )
      startTime = bad.messageEndTime + 1n
    }
  }
}
