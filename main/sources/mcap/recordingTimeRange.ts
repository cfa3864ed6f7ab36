import type { RecordingReader } from '../robot/recordingReader'

/**
 * Log times (ns) of a recording's first and last message: from its statistics, else from its chunk indexes;
 * undefined for a recording with neither (no messages).
 */
export function recordingTimeRange(
  reader: Pick<RecordingReader, 'statistics' | 'chunkIndexes'>,
): { startNs: bigint; endNs: bigint } | undefined {
  const s = reader.statistics
  if (s && s.messageCount > 0n) return { startNs: s.messageStartTime, endNs: s.messageEndTime }
  const chunks = reader.chunkIndexes
  if (chunks.length === 0) return undefined
  return {
    startNs: chunks.reduce(
      (m, c) => (c.messageStartTime < m ? c.messageStartTime : m),
      chunks[0].messageStartTime,
    ),
    endNs: chunks.reduce(
      (m, c) => (c.messageEndTime > m ? c.messageEndTime : m),
      chunks[0].messageEndTime,
    ),
  }
}
