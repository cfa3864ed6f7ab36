import { useState } from 'react'
import type { RegionInput } from '../../../main/contract/channels'
import { regionInputOf, type DraftRegion } from './draftRegion'

/**
 * The region waiting for its label: it belongs to the scene it was drawn on, and waits only
 * outside Measure mode. `submit` adds it with its label; `cancel` drops it.
 */
export function usePendingRegion(
  sceneId: string,
  isMeasuring: boolean,
  onAddRegion: (region: RegionInput) => void,
) {
  const [pending, setPending] = useState<{ sceneId: string; region: DraftRegion } | null>(null)
  const pendingRegion = pending?.sceneId === sceneId && !isMeasuring ? pending.region : null
  return {
    pendingRegion,
    wait: (region: DraftRegion) => setPending({ sceneId, region }),
    submit: (label: string) => {
      if (!pendingRegion) return
      setPending(null)
      onAddRegion(regionInputOf(pendingRegion, label))
    },
    cancel: () => setPending(null),
  }
}
