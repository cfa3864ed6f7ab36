import { StrictMode } from 'react'
import { z } from 'zod'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createSpatialClient } from './client/createSpatialClient'
import { ErrorBoundary } from './components/ErrorBoundary'
import './styles.css'

// zod probes for eval() to compile fast parsers; the page's CSP forbids it and logs a violation.
z.config({ jitless: true })

const client = createSpatialClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App client={client} />
    </ErrorBoundary>
  </StrictMode>,
)
