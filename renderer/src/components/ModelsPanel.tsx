import { useClient } from '../state/AppContext'
import { useModels } from '../state/useModels'
import { ModelItem } from './ModelItem'

/**
 * The model manager: every manifest model with its task, size, licence and state, and what
 * installs it (Download with progress, built in, or the manual steps); Verify and Remove.
 */
export function ModelsPanel({ onClose }: { onClose(): void }) {
  const models = useModels(useClient())
  return (
    <section
      className="popover models-panel"
      aria-label="Models"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <header className="models-header">
        <h2>Models</h2>
        {models.modelsDirectory && (
          <small className="field-hint">
            Stored in <code>{models.modelsDirectory}</code>
          </small>
        )}
      </header>
      {models.loadError && (
        <p className="field-error" role="alert">
          Could not list the models: {models.loadError}
        </p>
      )}
      {!models.models && !models.loadError && <p className="empty">Loading the models…</p>}
      {models.models && (
        <ul className="model-list">
          {models.models.map((model) => (
            <ModelItem
              key={model.id}
              model={model}
              progress={models.progress[model.id] ?? null}
              notice={models.notices[model.id] ?? null}
              onDownload={() => void models.download(model.id)}
              onCancel={() => void models.cancel(model.id)}
              onVerify={() => void models.verify(model.id)}
              onRemove={() => void models.remove(model.id)}
            />
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  )
}
