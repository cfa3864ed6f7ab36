import { useEffect, useState } from 'react'
import { SHORTCUTS, isNativeActivation, isTypingTarget, shortcutFor } from '../state/shortcuts'
import { runShortcut, useShortcut } from '../state/useShortcut'
import { ShortcutHelp } from './ShortcutHelp'

/**
 * The page's one key listener (shortcuts from state/shortcuts.ts run the actions components bound)
 * and the "?" overlay that lists them. Keys typed into fields are left alone.
 */
export function KeyboardShortcuts() {
  const [isHelpOpen, setHelpOpen] = useState(false)
  useShortcut('help', () => setHelpOpen((isOpen) => !isOpen))
  useShortcut('close', isHelpOpen ? () => setHelpOpen(false) : null)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const shortcut = shortcutFor(event, SHORTCUTS)
      if (!shortcut) return
      const target = event.target instanceof HTMLElement ? event.target : null
      const worksWhileTyping = 'worksWhileTyping' in shortcut && shortcut.worksWhileTyping
      if (!worksWhileTyping && isTypingTarget(target)) return
      if (isNativeActivation(event, target)) return
      if (runShortcut(shortcut.id)) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return isHelpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null
}
