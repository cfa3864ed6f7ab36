import { describe, expect, it } from 'vitest'
import {
  SHORTCUTS,
  isNativeActivation,
  isTypingTarget,
  keyLabel,
  shortcutFor,
  type KeyStroke,
} from '../../renderer/src/state/shortcuts'

const press = (key: string, modifiers: Partial<KeyStroke> = {}): KeyStroke => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
})
const idFor = (stroke: KeyStroke) => shortcutFor(stroke, SHORTCUTS)?.id ?? null

describe('keyboard shortcuts: the list and the matching', () => {
  it('maps the common keys to their actions, letters in either case', () => {
    expect(idFor(press('?', { shiftKey: true }))).toBe('help')
    expect(idFor(press('/'))).toBe('focus-ask')
    expect(idFor(press('s'))).toBe('load-sample')
    expect(idFor(press('S'))).toBe('load-sample') // caps lock
    expect(idFor(press('o'))).toBe('open-frame')
    expect(idFor(press(' '))).toBe('play-pause')
    expect(idFor(press('r'))).toBe('reset-view')
    expect(idFor(press('Escape'))).toBe('close')
    expect(idFor(press('ArrowRight'))).toBe('next-frame')
    expect(idFor(press('2'))).toBe('view-image')
    expect(idFor(press('m'))).toBe('measure')
    expect(idFor(press('x'))).toBeNull()
  })

  it('leaves browser and system combinations alone (Ctrl/Cmd/Alt, Shift+letter)', () => {
    expect(idFor(press('r', { ctrlKey: true }))).toBeNull() // reload
    expect(idFor(press('s', { metaKey: true }))).toBeNull() // save
    expect(idFor(press('o', { altKey: true }))).toBeNull()
    expect(idFor(press('S', { shiftKey: true }))).toBeNull()
  })

  it('has one entry per key and per id, each described', () => {
    const keys = SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((key) => key.toLowerCase()))
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.id)).size).toBe(SHORTCUTS.length)
    for (const shortcut of SHORTCUTS) expect(shortcut.description.length).toBeGreaterThan(5)
  })

  it('knows when keys go into a field', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true)
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true) // no type: text
    expect(isTypingTarget({ tagName: 'INPUT', type: 'number' })).toBe(true)
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true)
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true)
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true)
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false)
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false)
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })

  it('lets Space press a focused button instead of playing', () => {
    expect(isNativeActivation(press(' '), { tagName: 'BUTTON' })).toBe(true)
    expect(isNativeActivation(press(' '), { tagName: 'BODY' })).toBe(false)
    expect(isNativeActivation(press('r'), { tagName: 'BUTTON' })).toBe(false)
  })

  it('prints keys as people read them', () => {
    expect(['Escape', 'ArrowLeft', ' ', 'Space', 's', '?'].map(keyLabel)).toEqual([
      'Esc',
      '←',
      'Space',
      'Space',
      'S',
      '?',
    ])
  })
})
