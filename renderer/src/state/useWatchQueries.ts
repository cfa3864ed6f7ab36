import { useEffect, useState } from 'react'
import type { SpatialClient } from '../client/SpatialClient'

/** The measurement log's rate limit for watched values: a row per change of at least `minChangeCm`, or every `minIntervalS` (0: on change only). */
export interface WatchLogging {
  minChangeCm: number
  minIntervalS: number
}

/** A pinned question the service could not watch, with the reason. */
export interface RefusedWatch {
  question: string
  reason: string
}

/**
 * Pinned questions are the session's watch queries (evaluated per frame on the tracks): sent again
 * whenever the questions, the logging limits or the chosen topics change, while topics are chosen.
 * Returns the questions refused.
 */
export function useWatchQueries(
  client: SpatialClient,
  sessionId: string | null,
  /** The chosen topics (null: none yet); a new choice sends the watches again. */
  choice: object | null,
  pinnedQuestions: string[],
  logging: WatchLogging,
  fail: (title: string, error: unknown) => void,
): RefusedWatch[] {
  const [refused, setRefused] = useState<RefusedWatch[]>([])
  useEffect(() => {
    if (!sessionId || !choice) {
      setRefused([])
      return
    }
    client
      .invoke('source:watch', { sessionId, questions: pinnedQuestions, ...logging })
      .then((reply) =>
        setRefused(
          reply.watches.flatMap((w) =>
            w.isWatching ? [] : [{ question: w.question, reason: w.reason ?? '' }],
          ),
        ),
      )
      .catch((error: unknown) => fail('Could not watch the pinned questions', error))
  }, [client, sessionId, choice, pinnedQuestions, logging, fail])
  return refused
}
