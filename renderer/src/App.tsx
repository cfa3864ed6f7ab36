import type { SpatialClient } from './client/SpatialClient'
import { ErrorBanner } from './components/ErrorBanner'
import { Header } from './components/Header'
import { KeyboardShortcuts } from './components/KeyboardShortcuts'
import { RobotSourceDialog } from './components/RobotSourceDialog'
import { SidePanel } from './components/SidePanel'
import { ViewerArea } from './components/ViewerArea'
import { useAppModel, type AppModel } from './state/useAppModel'

/** The page: wires the client to the loaders, the panels and the 3D view. Holds no logic of its own. */
export function App({ client }: { client: SpatialClient }) {
  const model = useAppModel(client)
  const { error, setError, sources } = model
  return (
    <div className="app">
      <AppHeader client={client} model={model} />
      {error && (
        <ErrorBanner
          error={error}
          onDismiss={() => setError(null)}
          onLoadSample={sources.loadSample}
        />
      )}
      <main className="workspace">
        <ViewerArea client={client} model={model} />
        <SidePanel model={model} />
      </main>
      <KeyboardShortcuts />
    </div>
  )
}

function AppHeader({ client, model }: { client: SpatialClient; model: AppModel }) {
  const { sources, robot } = model
  return (
    <Header
      info={model.info}
      onLoadSample={sources.loadSample}
      onOpenFrame={sources.openFrame}
      onOpenPcd={sources.openPcd}
      onOpenFolder={sources.openFolder}
      onStartWebcam={sources.startWebcam}
      settings={model.settings}
      onSettingsChange={model.applySettings}
      calibrationTarget={model.calibrationTarget}
      renderRobotSource={(close) => (
        <RobotSourceDialog
          client={client}
          robot={robot}
          onClose={close}
          onStart={(choice, logging) => {
            close()
            sources.startRobot(choice, logging)
          }}
        />
      )}
    />
  )
}
