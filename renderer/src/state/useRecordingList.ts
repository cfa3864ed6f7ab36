import { useEffect, useState } from 'react'
import type { SpatialClient } from '../client/SpatialClient'

/** The recordings the service offers (`serve --recordings DIR`), and whether any path may be opened. */
export interface RecordingList {
  files: { path: string; name: string }[]
  /** The desktop app opens any path; a server only those under its directory. */
  isAnyPathAllowed: boolean
  directory: string | null
}

/**
 * Asks the service for its recordings while `isWanted`. A failed call leaves the list empty: the
 * path field still works.
 */
export function useRecordingList(client: SpatialClient, isWanted: boolean): RecordingList {
  const [list, setList] = useState<RecordingList>({
    files: [],
    isAnyPathAllowed: true,
    directory: null,
  })
  useEffect(() => {
    if (!isWanted) return
    let isCurrent = true
    client
      .invoke('source:recordings', {})
      .then((reply) => {
        if (!isCurrent) return
        setList({
          files: reply.files,
          isAnyPathAllowed: reply.isAnyPathAllowed,
          directory: reply.directory,
        })
      })
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [client, isWanted])
  return list
}
