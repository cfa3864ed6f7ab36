import { app, BrowserWindow, ipcMain, session } from 'electron'
import { fileURLToPath } from 'node:url'
import { channels } from '../contract/channels'
import { SpatialService } from '../services/SpatialService'
import { InlineSceneExecutor, WorkerSceneExecutor } from '../services/sceneExecutor'
import { sceneWorkerPath } from '../services/paths'

/**
 * Electron host: one IPC handler per contract channel, all forwarded to the same services `serve`
 * uses. Scene work runs in worker threads, never on this thread.
 */
const workerPath = sceneWorkerPath()
const service = new SpatialService(workerPath ? new WorkerSceneExecutor(workerPath) : new InlineSceneExecutor(), 'electron')
const rendererUrl = process.env.ELECTRON_RENDERER_URL
const indexHtml = fileURLToPath(new URL('../renderer/index.html', import.meta.url))

/** Pages of this app: the dev server in development, the packaged files otherwise. */
function isOwnUrl(url: string): boolean {
  return rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://')
}

/** The webcam source needs the camera; no other permission is granted, and only to our own pages. */
function allowCameraOnly(): void {
  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback) =>
    callback(permission === 'media' && isOwnUrl(webContents.getURL())),
  )
  session.defaultSession.setPermissionCheckHandler(
    (webContents, permission) => permission === 'media' && isOwnUrl(webContents?.getURL() ?? ''),
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
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  if (rendererUrl) void window.loadURL(rendererUrl)
  else void window.loadFile(indexHtml)
}

for (const channel of channels) {
  ipcMain.handle(channel, (_event, input: unknown) => service.handle(channel, input))
}

app.whenReady().then(() => {
  allowCameraOnly()
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})
app.on('window-all-closed', () => {
  void service.dispose()
  if (process.platform !== 'darwin') app.quit()
})
