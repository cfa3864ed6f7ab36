import { useEffect, useState } from 'react'
import type { ChannelOutput } from '../../../main/contract/channels'
import type { SpatialClient } from '../client/SpatialClient'

export type AppInfo = ChannelOutput<'app:info'>

/**
 * Version and host for the header. A failure leaves it null: the sample load that starts at the
 * same time reports connection problems in the banner.
 */
export function useAppInfo(client: SpatialClient): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    let isCurrent = true
    client.invoke('app:info', {}).then(
      (value) => isCurrent && setInfo(value),
      () => undefined,
    )
    return () => {
      isCurrent = false
    }
  }, [client])
  return info
}
