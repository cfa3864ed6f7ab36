import { SHORTCUTS, keyLabel } from '../state/shortcuts'
import { isShortcutBound } from '../state/useShortcut'

/** The "?" overlay: every shortcut with its keys; those unavailable right now are dimmed. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay-backdrop" onClick={onClose}>
      <div
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-help-title"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="shortcut-help-header">
          <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
          <button type="button" className="button button-quiet" onClick={onClose} autoFocus>
            Close
          </button>
        </header>
        <dl className="shortcut-list">
          {SHORTCUTS.map((shortcut) => (
            <div
              key={shortcut.id}
              className="shortcut-row"
              data-shortcut={shortcut.id}
              data-available={isShortcutBound(shortcut.id)}
            >
              <dt>
                {shortcut.keys.map((key) => (
                  <kbd key={key}>{keyLabel(key)}</kbd>
                ))}
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <p className="shortcut-help-note">Keys typed into a field stay in the field.</p>
      </div>
    </div>
  )
}
