import { useCallback, useRef, useState } from 'react'
import type { VerificationJson } from '../../../main/contract/verifySchema'
import type { SpatialClient } from '../client/SpatialClient'
import { toUiError, type UiError } from './uiError'

export interface VerifyState {
  /** The latest verdict about the current scene (null while verifying, or for another scene). */
  verification: VerificationJson | null
  /** The statement being verified, until its verdict comes. */
  pending: string | null
  verify(statement: string): Promise<void>
}

const VERIFY_HINT =
  'Write it as "the <thing> is <relation> the <thing>" with names from the object list, e.g. "the laptop is left of the book".'

/**
 * Verifies statements about one scene through `qa:verify` (SpatialEnsemble: geometry, language prior and the
 * configured models); the service logs each verdict. A verdict belongs to the scene it was asked about.
 */
export function useVerify(
  client: SpatialClient,
  sceneId: string | null,
  reportError: (error: UiError | null) => void,
): VerifyState {
  const [latest, setLatest] = useState<{
    sceneId: string
    statement: string
    verification: VerificationJson | null
  } | null>(null)
  const latestStatement = useRef<string | null>(null)

  const verify = useCallback(
    async (text: string) => {
      const statement = text.trim()
      if (!sceneId || !statement) return
      latestStatement.current = statement
      setLatest({ sceneId, statement, verification: null })
      reportError(null)
      try {
        const verification = await client.invoke('qa:verify', { sceneId, statement })
        if (latestStatement.current === statement) setLatest({ sceneId, statement, verification })
      } catch (error) {
        if (latestStatement.current !== statement) return
        setLatest(null)
        reportError(
          toUiError(error, {
            title: 'Could not verify the statement',
            hint: VERIFY_HINT,
            offersSample: false,
          }),
        )
      }
    },
    [client, sceneId, reportError],
  )

  const visible = latest && latest.sceneId === sceneId ? latest : null
  return {
    verification: visible?.verification ?? null,
    pending: visible && !visible.verification ? visible.statement : null,
    verify,
  }
}
