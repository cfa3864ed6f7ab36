import { useCallback, useRef, useState } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type {
  SourceFrameEvent,
  SourceOpenInput,
  SourceSession,
  SourceStatusEvent,
  SourceTopicChoice,
} from '../../../main/contract/sourceSchema'
import type { SpatialClient } from '../client/SpatialClient'
import type { LiveView3d } from '../components/ViewWorkspace'
import type { SceneLoader } from './useSceneLoader'
import { toUiError, type UiError } from './uiError'
import { useSourceFrames } from './useSourceFrames'
import { useWatchQueries, type RefusedWatch, type WatchLogging } from './useWatchQueries'

export type { WatchLogging }

export interface RobotSource {
  /** The opened source (topics listed), or null. */
  session: SourceSession | null
  /** The topics chosen: frames are flowing (or paused). */
  choice: SourceTopicChoice | null
  /** The frame whose scene is on screen (tracks, TF frames, watch readings). */
  shown: SourceFrameEvent | null
  /** The newest frame processed (the timeline's time and counters). */
  latest: SourceFrameEvent | null
  status: SourceStatusEvent | null
  isPlaying: boolean
  live: LiveView3d | null
  /** Watch events the service logged so far (the measurement log re-reads when it grows). */
  loggedWatchEvents: number
  /** Pinned questions the service could not watch, with the reason. */
  refusedWatches: RefusedWatch[]
  open(input: SourceOpenInput): Promise<boolean>
  select(
    choice: SourceTopicChoice,
    perception: PerceptionSettings,
    logging: WatchLogging,
  ): Promise<void>
  /** The same topics with new perception settings (a recording stays at its time). */
  restart(perception: PerceptionSettings): void
  seek(timeNs: bigint): void
  setPlaying(isPlaying: boolean): void
  close(): void
}

/**
 * A robot source session (an MCAP recording or rosbridge) on the service: frame events arrive for
 * every processed frame and the newest frame's scene is shown (useSourceFrames); pinned questions
 * are the session's watch queries (useWatchQueries).
 */
export function useRobotSource(
  client: SpatialClient,
  loader: SceneLoader,
  pinnedQuestions: string[],
  reportError: (error: UiError | null) => void,
): RobotSource {
  const [session, setSession] = useState<SourceSession | null>(null)
  const [choice, setChoice] = useState<SourceTopicChoice | null>(null)
  const [logging, setLogging] = useState<WatchLogging>({ minChangeCm: 0.5, minIntervalS: 0 })
  const sessionId = session?.sessionId ?? null
  const perceptionRef = useRef<PerceptionSettings | null>(null)
  const fail = useCallback(
    (title: string, error: unknown) =>
      reportError(toUiError(error, { title, hint: SOURCE_HINT, offersSample: false })),
    [reportError],
  )
  const frames = useSourceFrames(client, loader, session, perceptionRef)
  const refusedWatches = useWatchQueries(client, sessionId, choice, pinnedQuestions, logging, fail)
  const { reset: resetFrames, shown } = frames
  const reset = useCallback(() => {
    resetFrames()
    setChoice(null)
  }, [resetFrames])
  const close = useCallback(() => {
    if (sessionId) void client.invoke('source:close', { sessionId }).catch(() => undefined)
    setSession(null)
    reset()
  }, [client, sessionId, reset])
  const state = { session, choice, sessionId, perceptionRef, setSession, setChoice, setLogging }
  return {
    session,
    choice,
    shown,
    latest: frames.latest,
    status: frames.status,
    isPlaying: frames.isPlaying,
    refusedWatches,
    loggedWatchEvents: frames.loggedWatchEvents,
    live: shown
      ? {
          overlay: { tracks: shown.tracks, tfFrames: shown.tfFrames },
          fixedFromWorld: shown.fixed?.fixedFromWorld ?? null,
        }
      : null,
    ...sourceActions(client, state, { fail, reset, close, setIsPlaying: frames.setIsPlaying }),
    close,
  }
}

/** What the actions read and set of the hook's state. */
interface ActionState {
  choice: SourceTopicChoice | null
  sessionId: string | null
  perceptionRef: { current: PerceptionSettings | null }
  setSession(session: SourceSession): void
  setChoice(choice: SourceTopicChoice): void
  setLogging(logging: WatchLogging): void
}

/** The calls to the service: open, select topics, restart with new settings, seek, play/pause. */
function sourceActions(
  client: SpatialClient,
  s: ActionState,
  on: {
    fail(title: string, error: unknown): void
    reset(): void
    close(): void
    setIsPlaying(isPlaying: boolean): void
  },
): Pick<RobotSource, 'open' | 'select' | 'restart' | 'seek' | 'setPlaying'> {
  const { sessionId, choice } = s
  return {
    async open(input) {
      if (sessionId) on.close()
      try {
        s.setSession(await client.invoke('source:open', input))
        on.reset()
        return true
      } catch (error) {
        on.fail(`Could not open ${input.kind === 'mcap' ? input.path : input.url}`, error)
        return false
      }
    },
    async select(next, perception, nextLogging) {
      if (!sessionId) return
      s.perceptionRef.current = perception
      s.setLogging(nextLogging)
      try {
        await client.invoke('source:select', { sessionId, topics: next, perception })
        s.setChoice(next)
        on.setIsPlaying(true)
      } catch (error) {
        on.fail('Could not read these topics', error)
      }
    },
    restart(perception) {
      if (!sessionId || !choice) return
      s.perceptionRef.current = perception
      client
        .invoke('source:select', { sessionId, topics: choice, perception })
        .catch((error: unknown) =>
          on.fail('Could not apply the settings to the robot source', error),
        )
    },
    seek(timeNs) {
      if (sessionId)
        client
          .invoke('source:seek', { sessionId, timeNs: timeNs.toString() })
          .catch((error: unknown) => on.fail('Could not seek', error))
    },
    setPlaying(next) {
      if (!sessionId) return
      client
        .invoke('source:play', { sessionId, isPlaying: next })
        .then((reply) => on.setIsPlaying(reply.isPlaying))
        .catch((error: unknown) => on.fail('Could not play or pause', error))
    },
  }
}

const SOURCE_HINT =
  'Check the path or URL and the topics. Recordings on a `serve` host must be under its --recordings directory; rosbridge needs `ros2 launch rosbridge_server rosbridge_websocket_launch.xml` on the robot.'
