import { Component, type ReactNode } from 'react'

interface ErrorBoundaryState {
  error: Error | null
}

/** Last line of defence: a rendering bug shows a message and a way out, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null }

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error }
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="crash" role="alert">
        <h1>Spatial Lens hit a problem</h1>
        <p>{this.state.error.message}</p>
        <p>
          Reload the page to start again. If it happens again, report this message with the frame
          you loaded.
        </p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </div>
    )
  }
}
