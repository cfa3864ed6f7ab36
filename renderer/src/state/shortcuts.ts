/**
 * The keyboard shortcuts: one list (keys, what they do), shown by the "?" overlay. Components bind
 * the action of an entry with `useShortcut(id, action)` while they can perform it; an entry with no
 * bound action does nothing. To add one: a line here, and `useShortcut('your-id', …)` where the
 * action lives.
 */
export const SHORTCUTS = [
  { id: 'help', keys: ['?'], description: 'Show or hide this list' },
  { id: 'focus-ask', keys: ['/'], description: 'Type a question' },
  { id: 'load-sample', keys: ['S'], description: 'Load the sample scene' },
  { id: 'open-frame', keys: ['O'], description: 'Open an RGB-D frame' },
  {
    id: 'play-pause',
    keys: ['Space'],
    description: 'Play or pause the sequence; start or stop the webcam',
  },
  { id: 'previous-frame', keys: ['ArrowLeft'], description: 'Previous frame of the sequence' },
  { id: 'next-frame', keys: ['ArrowRight'], description: 'Next frame of the sequence' },
  { id: 'reset-view', keys: ['R'], description: 'Reset the 3D view' },
  { id: 'view-3d', keys: ['1'], description: 'Show the 3D view' },
  { id: 'view-image', keys: ['2'], description: 'Show the image view' },
  { id: 'view-split', keys: ['3'], description: 'Show 3D and image side by side' },
  { id: 'measure', keys: ['M'], description: 'Measure between two objects or points' },
  {
    id: 'close',
    keys: ['Escape'],
    description: 'Close menus and overlays; leave Measure',
    // Closing a form is what Escape means inside it too.
    worksWhileTyping: true,
  },
] as const satisfies readonly ShortcutDefinition[]

export interface ShortcutDefinition {
  id: string
  /** `KeyboardEvent.key` values (a letter in either case matches both; "Space" is " "). */
  keys: readonly string[]
  description: string
  /** Also fire while the focus is in a text field (default: typing never triggers shortcuts). */
  worksWhileTyping?: boolean
}

export type ShortcutId = (typeof SHORTCUTS)[number]['id']

/** The parts of a keyboard event the matching reads (a plain object in tests). */
export interface KeyStroke {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** The parts of an event target the typing check reads. */
export interface TargetLike {
  tagName?: string
  type?: string
  isContentEditable?: boolean
}

const KEY_LABELS: Record<string, string> = {
  ' ': 'Space',
  Space: 'Space',
  Escape: 'Esc',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
}

/** How a key is printed in the help overlay ("Escape" → "Esc", "ArrowLeft" → "←"). */
export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key)
}

/**
 * The shortcut a keystroke triggers, or null. Keystrokes with Ctrl, Cmd or Alt belong to the
 * browser; a letter with Shift is left free for other uses (symbols such as "?" need Shift).
 */
export function shortcutFor<D extends ShortcutDefinition>(
  stroke: KeyStroke,
  definitions: readonly D[],
): D | null {
  if (stroke.ctrlKey || stroke.metaKey || stroke.altKey) return null
  const isLetter = /^[a-z]$/i.test(stroke.key)
  if (isLetter && stroke.shiftKey) return null
  const pressed = stroke.key === ' ' ? 'Space' : stroke.key
  return (
    definitions.find((definition) =>
      definition.keys.some((key) =>
        isLetter ? key.toLowerCase() === pressed.toLowerCase() : key === pressed,
      ),
    ) ?? null
  )
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'file',
  'range',
  'color',
])

/** True when keys go into a field: text inputs, text areas, selects, editable content. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false
  if (target.isContentEditable) return true
  const tag = target.tagName?.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase())
}

/**
 * True when the focused control acts on this key by itself (Space presses a focused button or
 * toggles a checkbox): the shortcut then stays out of its way.
 */
export function isNativeActivation(
  stroke: KeyStroke,
  target: TargetLike | null | undefined,
): boolean {
  if (stroke.key !== ' ' && stroke.key !== 'Enter') return false
  const tag = target?.tagName?.toUpperCase()
  return tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || tag === 'INPUT'
}
