import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseStatement } from '../../../main/engine/ensemble/parseStatement'
import {
  META_CATEGORIES,
  metaCategoryOf,
  RELATIONS_BY_META,
  VSR_RELATIONS,
} from '../../../main/engine/ensemble/vsrRelations'
import { readVsrSplit, VSR_DIR } from './vsrData'

describe('VSR relations', () => {
  it('has the 71 entries in 7 meta-categories of the authors table, "among" resolved as their script does', () => {
    const entries = META_CATEGORIES.flatMap((m) => RELATIONS_BY_META[m])
    expect(entries).toHaveLength(71)
    expect(META_CATEGORIES).toHaveLength(7)
    expect(metaCategoryOf('among')).toBe('Unallocated')
    expect(metaCategoryOf('left of')).toBe('Projective')
    expect(metaCategoryOf('facing')).toBe('Orientation')
    expect(metaCategoryOf('sideways')).toBeNull()
  })

  it('agrees with the dataset copy of the table (meta_categories.json)', () => {
    const table = JSON.parse(readFileSync(join(VSR_DIR, 'meta_categories.json'), 'utf8')) as {
      relation_to_meta_category: Record<string, string>
    }
    for (const [relation, meta] of Object.entries(table.relation_to_meta_category)) {
      expect(metaCategoryOf(relation), relation).toBe(meta)
    }
    expect(VSR_RELATIONS).toContain('congruent')
  })
})

describe('parseStatement', () => {
  it('parses every caption of both splits into the relation the dataset gives', () => {
    let count = 0
    for (const split of ['random', 'zeroshot'] as const) {
      for (const part of ['train', 'dev', 'test'] as const) {
        for (const line of readVsrSplit(split, part)) {
          const parsed = parseStatement(line.caption)
          expect(parsed, line.caption).not.toBeNull()
          expect(parsed!.relation, line.caption).toBe(line.relation)
          expect(parsed!.isNegated).toBe(false)
          count++
        }
      }
    }
    expect(count).toBe(10972 + 5051)
  })

  it("finds the zero-shot split's subject and object (where the dataset did not cut their first letter)", () => {
    let checked = 0
    for (const line of readVsrSplit('zeroshot', 'test')) {
      const parsed = parseStatement(line.caption)!
      if (line.caption.toLowerCase().includes(`the ${line.subj} `)) {
        expect(parsed.subject, line.caption).toBe(line.subj)
        checked++
      }
      if (line.caption.toLowerCase().includes(`the ${line.obj}.`))
        expect(parsed.object, line.caption).toBe(line.obj)
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('reads the caption forms without a verb', () => {
    expect(parseStatement('The bowl contains the broccoli.')).toMatchObject({
      subject: 'bowl',
      relation: 'contains',
      object: 'broccoli',
    })
    expect(parseStatement('The bed has as a part the couch.')).toMatchObject({
      subject: 'bed',
      relation: 'has as a part',
      object: 'couch',
    })
  })

  it('reads what users type: aliases, questions, negation, multi-word names', () => {
    expect(parseStatement('the mug is to the left of the laptop')).toMatchObject({
      subject: 'mug',
      relation: 'left of',
      object: 'laptop',
      metaCategory: 'Projective',
    })
    expect(parseStatement('Is the cup on the dining table?')).toMatchObject({
      subject: 'cup',
      relation: 'on',
      object: 'dining table',
    })
    expect(parseStatement('The cat is not under the table.')).toMatchObject({
      subject: 'cat',
      relation: 'under',
      isNegated: true,
    })
    expect(parseStatement('the teddy bear is on top of the bed')).toMatchObject({
      subject: 'teddy bear',
      relation: 'on top of',
      object: 'bed',
    })
    expect(parseStatement('the book is underneath the laptop')).toMatchObject({
      relation: 'beneath',
    })
  })

  it('prefers the relation right after the verb over one inside a name', () => {
    // "on" occurs inside neither name, but "in front of" must win over "in" and "of".
    expect(parseStatement('The person is in front of the train.')).toMatchObject({
      subject: 'person',
      relation: 'in front of',
      object: 'train',
    })
  })

  it('refuses text with no relation, subject or object', () => {
    expect(parseStatement('hello there')).toBeNull()
    expect(parseStatement('is left of the mug')).toBeNull()
    expect(parseStatement('')).toBeNull()
  })
})
