import { useCallback, useRef, useState } from 'react'

/**
 * Service requests of which only the latest counts: an older one's reply or error is dropped once
 * a newer one started. `busySceneId` names the scene the latest request is about while it runs.
 */
export function useLatestRequest(): {
  busySceneId: string | null
  /**
   * Starts `request` about `sceneId`; `onReply` or `onError` runs only while it is still the
   * latest (an error `onReply` throws goes to `onError` too).
   */
  latestOnly<T>(
    sceneId: string,
    request: () => Promise<T>,
    onReply: (reply: T) => void,
    onError: (error: unknown) => void,
  ): Promise<void>
} {
  const [busySceneId, setBusySceneId] = useState<string | null>(null)
  const latest = useRef(0)
  const latestOnly = useCallback(
    async <T>(
      sceneId: string,
      request: () => Promise<T>,
      onReply: (reply: T) => void,
      onError: (error: unknown) => void,
    ) => {
      const id = ++latest.current
      setBusySceneId(sceneId)
      try {
        const reply = await request()
        if (id === latest.current) onReply(reply)
      } catch (error) {
        if (id === latest.current) onError(error)
      } finally {
        if (id === latest.current) setBusySceneId(null)
      }
    },
    [],
  )
  return { busySceneId, latestOnly }
}
