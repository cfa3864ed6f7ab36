import { app, BrowserWindow, ipcMain, session } from 'electron'
import { fileURLToPath } from 'node:url'
import { SpatialService } from '../services/SpatialService'
import { InlineSceneExecutor, WorkerSceneExecutor } from '../workers/sceneExecutor'
import { sceneWorkerPath } from '../app/paths'
import { isOwnContent, registerIpcHandlers } from './ipcHandlers'
import { devRendererUrl, guardNavigation } from './navigationGuard'

/**
 * Electron host: one IPC handler per contract channel, all forwarded to the same services `serve`
 * uses, and the services' events sent to the windows. Scene work runs in worker threads, never on
 * this thread.
 */
const workerPath = sceneWorkerPath()
const service = new SpatialService(
  workerPath ? new WorkerSceneExecutor(workerPath) : new InlineSceneExecutor(),
  'electron',
)
// The dev server only in development: a packaged app ignores ELECTRON_RENDERER_URL.
const rendererUrl = devRendererUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged)
const indexHtml = fileURLToPath(new URL('../renderer/index.html', import.meta.url))
const isOwn = (url: string) => isOwnContent(url, { rendererUrl, indexHtmlPath: indexHtml })

/** The webcam source needs the camera; no other permission is granted, and only to our own pages. */
function allowCameraOnly(): void {
  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback) =>
    callback(permission === 'media' && isOwn(webContents.getURL())),
  )
  session.defaultSession.setPermissionCheckHandler(
    (webContents, permission) => permission === 'media' && isOwn(webContents?.getURL() ?? ''),
  )
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    backgroundColor: '#101317',
    title: 'Spatial Lens',
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  guardNavigation(window.webContents, isOwn)
  if (rendererUrl) void window.loadURL(rendererUrl)
  else void window.loadFile(indexHtml)
}

registerIpcHandlers(ipcMain, service, isOwn)
// Server events (download progress, reasoning steps) go to every window; the preload's
// window.spatial.on delivers them, and the renderer validates them on arrival.
service.subscribe((event, payload) => {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.webContents.isDestroyed()) window.webContents.send(event, payload)
  }
})

app.whenReady().then(() => {
  allowCameraOnly()
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})
app.on('window-all-closed', () => {
  // On macOS the app lives on without windows (the dock re-opens one): the services stay up.
  if (process.platform !== 'darwin') app.quit()
})
// The services stop before the process does: quitting waits for the scene workers to finish or
// cancel their model runs (terminating a thread inside onnxruntime aborts the process).
let isDisposed = false
app.on('will-quit', (event) => {
  if (isDisposed) return
  event.preventDefault()
  void service.dispose().finally(() => {
    isDisposed = true
    app.quit()
  })
})
