import type { UiError } from '../state/uiError'

export interface ErrorBannerProps {
  error: UiError
  onDismiss(): void
  onLoadSample(): void
}

/** The visible error: what failed, the service's message, and what to do about it. */
export function ErrorBanner({ error, onDismiss, onLoadSample }: ErrorBannerProps) {
  return (
    <div className="error-banner" role="alert">
      <div className="error-icon" aria-hidden="true">
        !
      </div>
      <div className="error-body">
        <strong className="error-title">{error.title}</strong>
        <p className="error-message">{error.message}</p>
        <p className="error-hint">{error.hint}</p>
      </div>
      <div className="error-actions">
        {error.offersSample && (
          <button type="button" className="button" onClick={onLoadSample}>
            Load sample
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          onClick={onDismiss}
          aria-label="Dismiss error"
        >
          Dismiss
        </button>
      </div>
    </div>
  )
}
