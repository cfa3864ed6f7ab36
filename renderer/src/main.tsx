import './zodJitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createSpatialClient } from './client/createSpatialClient'
import { ErrorBoundary } from './components/ErrorBoundary'
import { AppProviders } from './state/AppContext'
import './styles/base.css'
import './styles/header.css'
import './styles/viewer.css'
import './styles/panel.css'
import './styles/workspace.css'
import './styles/settings.css'
import './styles/reasoning.css'
import './styles/measurements.css'
import './styles/sources.css'
import './styles/dataset.css'
import './styles/robot.css'

const client = createSpatialClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <AppProviders client={client}>
        <App client={client} />
      </AppProviders>
    </ErrorBoundary>
  </StrictMode>,
)
