import { useCallback, useEffect, useRef, useState } from 'react'
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

/** Frame events remembered until their scene is shown (the overlay must match the cloud it is drawn on). */
const KEPT_FRAMES = 8

/** The measurement log's rate limit for watched values: a row per change of at least `minChangeCm`, or every `minIntervalS` (0: on change only). */
export interface WatchLogging {
  minChangeCm: number
  minIntervalS: number
}

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
  refusedWatches: { question: string; reason: string }[]
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
 * every processed frame; the frame's full scene (cloud, image) is fetched one at a time, always the
 * newest, so a slow UI skips frames instead of queueing them. Pinned questions are the session's
 * watch queries.
 */
export function useRobotSource(
  client: SpatialClient,
  loader: SceneLoader,
  pinnedQuestions: string[],
  reportError: (error: UiError | null) => void,
): RobotSource {
  const [session, setSession] = useState<SourceSession | null>(null)
  const [choice, setChoice] = useState<SourceTopicChoice | null>(null)
  const [shown, setShown] = useState<SourceFrameEvent | null>(null)
  const [latest, setLatest] = useState<SourceFrameEvent | null>(null)
  const [status, setStatus] = useState<SourceStatusEvent | null>(null)
  const [isPlaying, setIsPlaying] = useState(false)
  const [refusedWatches, setRefused] = useState<RobotSource['refusedWatches']>([])
  const [logging, setLogging] = useState<WatchLogging>({ minChangeCm: 0.5, minIntervalS: 0 })
  const [loggedWatchEvents, setLogged] = useState(0)
  const sessionId = session?.sessionId ?? null
  const frames = useRef(new Map<string, SourceFrameEvent>())
  const fetching = useRef(false)
  const wanted = useRef<string | null>(null)
  const perceptionRef = useRef<PerceptionSettings | null>(null)
  const { show } = loader

  const fail = useCallback(
    (title: string, error: unknown) =>
      reportError(toUiError(error, { title, hint: SOURCE_HINT, offersSample: false })),
    [reportError],
  )

  /** Shows the newest frame's scene; frames that arrive meanwhile replace the one wanted next. */
  const fetchScenes = useCallback(
    async (id: string) => {
      if (fetching.current) return
      fetching.current = true
      try {
        while (wanted.current) {
          const sceneId = wanted.current
          wanted.current = null
          const event = frames.current.get(sceneId)
          const result = await client
            .invoke('source:scene', { sessionId: id, sceneId })
            .catch(() => null) // no longer kept: a newer frame follows
          if (!result || !event || !perceptionRef.current) continue
          show(
            `${session?.description ?? 'robot source'} @ ${event.frameIndex}`,
            result,
            perceptionRef.current,
          )
          setShown(event)
        }
      } finally {
        fetching.current = false
      }
    },
    [client, show, session?.description],
  )

  useEffect(() => {
    if (!sessionId) return
    const stopFrames = client.subscribe('source:frame', (event) => {
      if (event.sessionId !== sessionId) return
      frames.current.set(event.sceneId, event)
      while (frames.current.size > KEPT_FRAMES)
        frames.current.delete(frames.current.keys().next().value!)
      setLatest(event)
      const logged = event.watches.reduce(
        (n, w) => n + w.events.filter((e) => e.type !== 'unavailable').length,
        0,
      )
      if (logged > 0) setLogged((n) => n + logged)
      wanted.current = event.sceneId
      void fetchScenes(sessionId)
    })
    const stopStatus = client.subscribe('source:status', (event) => {
      if (event.sessionId !== sessionId) return
      setStatus(event)
      if (event.state === 'playing') setIsPlaying(true)
      if (event.state === 'paused' || event.state === 'ended') setIsPlaying(false)
    })
    return () => {
      stopFrames()
      stopStatus()
    }
  }, [client, sessionId, fetchScenes])

  // Pinned questions are the session's watch queries (evaluated per frame on the tracks).
  useEffect(() => {
    if (!sessionId || !choice) return
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

  const reset = () => {
    frames.current.clear()
    wanted.current = null
    setChoice(null)
    setShown(null)
    setLatest(null)
    setStatus(null)
    setRefused([])
  }

  const close = useCallback(() => {
    if (sessionId) void client.invoke('source:close', { sessionId }).catch(() => undefined)
    setSession(null)
    reset()
  }, [client, sessionId])

  return {
    session,
    choice,
    shown,
    latest,
    status,
    isPlaying,
    refusedWatches,
    loggedWatchEvents,
    live: shown
      ? {
          overlay: { tracks: shown.tracks, tfFrames: shown.tfFrames },
          fixedFromWorld: shown.fixed?.fixedFromWorld ?? null,
        }
      : null,
    async open(input) {
      if (sessionId) close()
      try {
        setSession(await client.invoke('source:open', input))
        reset()
        return true
      } catch (error) {
        fail(`Could not open ${input.kind === 'mcap' ? input.path : input.url}`, error)
        return false
      }
    },
    async select(next, perception, nextLogging) {
      if (!sessionId) return
      perceptionRef.current = perception
      setLogging(nextLogging)
      try {
        await client.invoke('source:select', { sessionId, topics: next, perception })
        setChoice(next)
        setIsPlaying(true)
      } catch (error) {
        fail('Could not read these topics', error)
      }
    },
    restart(perception) {
      if (!sessionId || !choice) return
      perceptionRef.current = perception
      client
        .invoke('source:select', { sessionId, topics: choice, perception })
        .catch((error: unknown) => fail('Could not apply the settings to the robot source', error))
    },
    seek(timeNs) {
      if (sessionId)
        client
          .invoke('source:seek', { sessionId, timeNs: timeNs.toString() })
          .catch((error: unknown) => fail('Could not seek', error))
    },
    setPlaying(next) {
      if (!sessionId) return
      client
        .invoke('source:play', { sessionId, isPlaying: next })
        .then((reply) => setIsPlaying(reply.isPlaying))
        .catch((error: unknown) => fail('Could not play or pause', error))
    },
    close,
  }
}

const SOURCE_HINT =
  'Check the path or URL and the topics. Recordings on a `serve` host must be under its --recordings directory; rosbridge needs `ros2 launch rosbridge_server rosbridge_websocket_launch.xml` on the robot.'
