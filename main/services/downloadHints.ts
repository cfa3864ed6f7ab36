import type { DownloadError } from '../models/errors'
import type { ModelRow } from '../contract/modelsSchema'

/** What the user can do after a download did not finish, by why it stopped. */
export function downloadHint(error: DownloadError, model: ModelRow): string {
  const files = model.files.map((file) => file.path).join(', ')
  const offline = `To install it without this server, copy ${files} into ${model.directory} and click Verify.`
  switch (error.kind) {
    case 'cancelled':
      return 'The part already downloaded is kept: Download resumes from there.'
    case 'network':
      return `Check the network connection (or proxy), then click Download again: it resumes where it stopped. ${offline}`
    case 'hash-mismatch':
    case 'size-mismatch':
      return 'The download was deleted: it was not the file the manifest describes. Try again; if it happens again, the file changed upstream (report it).'
    case 'http': {
      const status = Number(/HTTP (\d{3})/.exec(error.message)?.[1])
      if (status === 404 || status === 410)
        return `The server has no file at that address (HTTP ${status}): the link may be out of date or the server down. Try again later or update Spatial Lens. ${offline}`
      if (status === 401 || status === 403)
        return `The server refused access (HTTP ${status}): the file may need a login where it is published. ${offline}`
      return `The server failed (HTTP ${status || 'error'}); try again later (Download resumes). ${offline}`
    }
  }
}
