import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import type { SourceFrameEvent, SourceStatusEvent } from '../../../main/contract/sourceSchema'
import type { SpatialClient } from '../client/SpatialClient'
import type { SceneLoader } from './useSceneLoader'

/** Frame events remembered until their scene is shown (the overlay must match the cloud it is drawn on). */
const KEPT_FRAMES = 8

export interface SourceFrames {
  /** The frame whose scene is on screen. */
  shown: SourceFrameEvent | null
  /** The newest frame processed. */
  latest: SourceFrameEvent | null
  status: SourceStatusEvent | null
  isPlaying: boolean
  setIsPlaying(isPlaying: boolean): void
  /** Watch events the service logged so far. */
  loggedWatchEvents: number
  /** Forgets the frames of the previous topics or session. */
  reset(): void
}

/**
 * The `source:frame` and `source:status` events of one session: every frame event is counted; the
 * frame's full scene (cloud, image) is fetched one at a time, always the newest, so a slow UI skips
 * frames instead of queueing them. `perception` holds the settings the scenes were made with.
 */
export function useSourceFrames(
  client: SpatialClient,
  loader: SceneLoader,
  session: { sessionId: string; description: string } | null,
  perception: MutableRefObject<PerceptionSettings | null>,
): SourceFrames {
  const [shown, setShown] = useState<SourceFrameEvent | null>(null)
  const [latest, setLatest] = useState<SourceFrameEvent | null>(null)
  const [status, setStatus] = useState<SourceStatusEvent | null>(null)
  const [isPlaying, setIsPlaying] = useState(false)
  const [loggedWatchEvents, setLogged] = useState(0)
  const frames = useRef(new Map<string, SourceFrameEvent>())
  const wanted = useRef<string | null>(null)
  const fetchScenes = useSceneFetcher(client, loader, session, perception, frames, wanted, setShown)
  const sessionId = session?.sessionId ?? null

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

  const reset = useCallback(() => {
    frames.current.clear()
    wanted.current = null
    setShown(null)
    setLatest(null)
    setStatus(null)
  }, [])
  return { shown, latest, status, isPlaying, setIsPlaying, loggedWatchEvents, reset }
}

/** Shows the newest frame's scene; frames that arrive meanwhile replace the one wanted next. */
function useSceneFetcher(
  client: SpatialClient,
  loader: SceneLoader,
  session: { description: string } | null,
  perception: MutableRefObject<PerceptionSettings | null>,
  frames: MutableRefObject<Map<string, SourceFrameEvent>>,
  wanted: MutableRefObject<string | null>,
  setShown: (event: SourceFrameEvent) => void,
) {
  const fetching = useRef(false)
  const { show } = loader
  const description = session?.description
  return useCallback(
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
          if (!result || !event || !perception.current) continue
          show(`${description ?? 'robot source'} @ ${event.frameIndex}`, result, perception.current)
          setShown(event)
        }
      } finally {
        fetching.current = false
      }
    },
    [client, show, description, perception, frames, wanted, setShown],
  )
}
