import { useState } from 'react'
import type { ModelProgressEvent, ModelRow } from '../../../main/contract/modelsSchema'
import { formatBytes } from '../../../main/contract/byteSize'
import { modelSize, stateLabel, taskLabel, verificationLabel } from '../modelText'
import type { ModelNotice } from '../state/useModels'
import { modelActionsOf } from './modelActions'

export interface ModelItemProps {
  model: ModelRow
  progress: ModelProgressEvent | null
  notice: ModelNotice | null
  onDownload(): void
  onCancel(): void
  onVerify(): void
  onRemove(): void
}

/** One model: what it is, its state, how it is installed, and its actions. */
export function ModelItem({ model, progress, notice, ...actions }: ModelItemProps) {
  // Held here, not in ModelActions: a confirmation survives the download that hides the actions.
  const [isConfirmingRemove, setIsConfirmingRemove] = useState(false)
  const verification = verificationLabel(model)
  return (
    <li
      className="model-item"
      data-model-id={model.id}
      data-state={model.state}
      aria-label={model.name}
    >
      <ModelHeading model={model} />
      {verification && <p className="model-detail">{verification}</p>}
      <InstallLine model={model} />
      {model.isDownloading && (
        <DownloadProgress model={model} progress={progress} onCancel={actions.onCancel} />
      )}
      {notice && <NoticeBox notice={notice} />}
      {!model.isDownloading && (
        <ModelActions
          model={model}
          {...actions}
          isConfirmingRemove={isConfirmingRemove}
          onConfirmingRemove={setIsConfirmingRemove}
        />
      )}
    </li>
  )
}

/** The model's name and state, then its id, task, size, licence and whether it is optional. */
function ModelHeading({ model }: { model: ModelRow }) {
  return (
    <>
      <div className="model-title">
        <strong>{model.name}</strong>
        <span className="model-state" data-state={model.state}>
          {stateLabel(model)}
        </span>
      </div>
      <div className="model-meta">
        <code>{model.id}</code>
        <span>{taskLabel(model.task)}</span>
        <span>{modelSize(model)}</span>
        <span title={model.licence.note ?? model.licence.url}>
          {model.licence.id}
          {!model.licence.isCommercialUseAllowed && ' · non-commercial'}
        </span>
        {model.isOptional && <span>optional</span>}
      </div>
    </>
  )
}

function NoticeBox({ notice }: { notice: ModelNotice }) {
  return (
    <div
      className={`model-notice model-notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <p className="model-notice-message">{notice.message}</p>
      {notice.hint && <p className="model-notice-hint">{notice.hint}</p>}
    </div>
  )
}

/** Download, Verify and Remove (which asks to confirm, naming the bytes it deletes). */
function ModelActions(
  props: Pick<ModelItemProps, 'model' | 'onDownload' | 'onVerify' | 'onRemove'> & {
    isConfirmingRemove: boolean
    onConfirmingRemove(isConfirming: boolean): void
  },
) {
  const { model, isConfirmingRemove, onConfirmingRemove: setIsConfirmingRemove } = props
  const shown = modelActionsOf(model)
  return (
    <div className="model-actions">
      {shown.download && (
        <button type="button" className="button button-primary" onClick={props.onDownload}>
          {shown.download}
        </button>
      )}
      {shown.canVerify && (
        <button type="button" className="button" onClick={props.onVerify}>
          Verify
        </button>
      )}
      {shown.canRemove &&
        (isConfirmingRemove ? (
          <span className="model-confirm" role="group" aria-label="Confirm removal">
            Delete {formatBytes(model.bytesOnDisk)} from disk?
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                setIsConfirmingRemove(false)
                props.onRemove()
              }}
            >
              Remove
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setIsConfirmingRemove(false)}
            >
              Keep
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setIsConfirmingRemove(true)}
          >
            Remove…
          </button>
        ))}
    </div>
  )
}

/** What installs the model: the app (and the equivalent command), nothing, or the user. */
function InstallLine({ model }: { model: ModelRow }) {
  if (model.install === 'builtin') return null
  if (model.install === 'manual')
    return (
      <div className="model-manual">
        <p>
          <strong>Manual install.</strong> {model.installHint}
        </p>
        <p className="field-hint">
          Put the files ({model.files.map((file) => file.path).join(', ')}) in{' '}
          <code>{model.directory}</code>, then click Verify.
        </p>
      </div>
    )
  return (
    <p className="field-hint">
      Or from a terminal: <code>{model.installCommand}</code>
    </p>
  )
}

function DownloadProgress({
  model,
  progress,
  onCancel,
}: {
  model: ModelRow
  progress: ModelProgressEvent | null
  onCancel(): void
}) {
  const received = progress?.receivedBytes ?? 0
  const total = progress?.totalBytes ?? null
  const percent = total ? Math.min(100, (100 * received) / Math.max(1, total)) : null
  const file =
    progress?.file && progress.file.count > 1
      ? ` · file ${progress.file.index + 1} of ${progress.file.count}`
      : ''
  const rate =
    progress && progress.bytesPerSecond > 0
      ? ` · ${formatBytes(Math.round(progress.bytesPerSecond))}/s`
      : ''
  return (
    <div className="model-progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={`Download of ${model.name}`}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={received}
        aria-valuetext={
          total ? `${formatBytes(received)} of ${formatBytes(total)}` : formatBytes(received)
        }
      >
        <div
          className={percent === null ? 'progress-fill progress-fill-unknown' : 'progress-fill'}
          style={{ width: `${percent ?? 100}%` }}
        />
      </div>
      <div className="model-progress-text">
        <span>
          {total
            ? `${formatBytes(received)} of ${formatBytes(total)}`
            : progress
              ? formatBytes(received)
              : 'Starting…'}
          {rate}
          {file}
        </span>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
