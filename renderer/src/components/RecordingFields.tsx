import { useState } from 'react'
import type { RecordingList } from '../state/useRecordingList'
import { RECORDING_ACCEPT, desktopFileBridge, pickedRecording } from '../sources/recordingPicker'

/**
 * Which recording to open: the server's --recordings list (when it has one), the desktop app's
 * file picker (a native dialog; the path comes from the preload), and the path itself.
 */
export function RecordingFields(props: {
  recordings: RecordingList
  target: string
  onTarget(target: string): void
}) {
  const { files, directory, isAnyPathAllowed } = props.recordings
  return (
    <>
      {files.length > 0 && (
        <label className="field">
          <span>Recordings{directory ? ` in ${directory}` : ''}</span>
          <select value={props.target} onChange={(e) => props.onTarget(e.target.value)}>
            {files.map((f) => (
              <option key={f.path} value={f.path}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <RecordingFilePicker onTarget={props.onTarget} />
      <label className="field">
        <span>Recording path (.mcap on the service's machine)</span>
        <input
          className="text-input"
          name="path"
          value={props.target}
          onChange={(e) => props.onTarget(e.target.value)}
          placeholder="/data/run.mcap"
        />
        {!isAnyPathAllowed && !directory && (
          <small className="field-hint field-hint-warning">
            This server opens no recordings: start it with `spatial-lens serve --recordings DIR`.
          </small>
        )}
      </label>
    </>
  )
}

/** The desktop app's "Choose file…" (nothing in a browser: a page cannot learn a file's path). */
function RecordingFilePicker(props: { onTarget(target: string): void }) {
  const [problem, setProblem] = useState<string | null>(null)
  const bridge = desktopFileBridge()
  if (!bridge) return null
  return (
    <label className="field">
      <span>Recording file</span>
      <input
        type="file"
        name="recordingFile"
        accept={RECORDING_ACCEPT}
        onChange={(e) => {
          const picked = pickedRecording(e.target.files, bridge)
          setProblem(picked && 'error' in picked ? picked.error : null)
          if (picked && 'path' in picked) props.onTarget(picked.path)
        }}
      />
      {problem && <small className="field-hint field-hint-warning">{problem}</small>}
    </label>
  )
}
