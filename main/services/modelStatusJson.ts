import type { ModelStatusJson } from '../contract/modelsCliSchema'
import type { ModelStatus } from '../models/modelStatus'

/**
 * A model's status with every manifest field, its files' locations and lock records: the `models:info` reply
 * (and, per model, `spatial-lens models list --json`).
 */
export function modelStatusJson(status: ModelStatus): ModelStatusJson {
  return {
    ...status.entry,
    status: status.state,
    totalBytes: status.totalBytes,
    isSizeApproximate: status.isSizeApproximate,
    isSizeLowerBound: status.isSizeLowerBound,
    installedFiles: status.files.map((file) => ({
      path: file.file.path,
      location: file.path,
      state: file.state,
      bytesOnDisk: file.bytesOnDisk,
      lock: file.lock,
    })),
  }
}

/** The inverse of {@link modelStatusJson}: a `models:info` reply back as a ModelStatus (to format it). */
export function modelStatusFromJson(json: ModelStatusJson): ModelStatus {
  const { status, totalBytes, isSizeApproximate, isSizeLowerBound, installedFiles, ...entry } = json
  return {
    entry,
    state: status,
    totalBytes,
    isSizeApproximate,
    isSizeLowerBound,
    files: entry.files.map((file, index) => {
      const installed = installedFiles[index]
      if (installed?.path !== file.path)
        throw new Error(`models:info listed the files of ${entry.id} out of manifest order`)
      return {
        file,
        path: installed.location,
        state: installed.state,
        bytesOnDisk: installed.bytesOnDisk,
        lock: installed.lock,
      }
    }),
  }
}
