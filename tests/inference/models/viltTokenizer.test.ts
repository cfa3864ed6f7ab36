import { describe, expect, it } from 'vitest'
import { viltTokenizerFromJson } from '../../../main/inference/models/viltTokenizer'
import { TINY_BERT_IDS as ID, tinyBertTokenizerJson } from '../../helpers/tinyVilt'

const tokenizer = viltTokenizerFromJson(tinyBertTokenizerJson())

describe('ViLT BERT tokenizer (tiny bert-base-uncased-shaped tokenizer.json)', () => {
  it('lower-cases, splits punctuation, adds [CLS]/[SEP], one segment, no padding', () => {
    const out = tokenizer.encode('The cat is under the table.')
    expect(out.inputIds).toEqual([
      ID['[CLS]'],
      ID.the,
      ID.cat,
      ID.is,
      ID.under,
      ID.the,
      ID.table,
      ID['.'],
      ID['[SEP]'],
    ])
    expect(out.attentionMask).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1])
    expect(out.tokenTypeIds).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0])
  })

  it('splits unknown words into WordPiece continuations, else [UNK]', () => {
    expect(tokenizer.encode('CATS zebra').inputIds).toEqual([
      ID['[CLS]'],
      ID.cat,
      ID['##s'],
      ID['[UNK]'],
      ID['[SEP]'],
    ])
  })

  it('cuts a long caption to 40 tokens and keeps the closing [SEP]', () => {
    const out = tokenizer.encode(Array.from({ length: 50 }, () => 'dog').join(' '))
    expect(out.inputIds).toHaveLength(40)
    expect(out.inputIds[0]).toBe(ID['[CLS]'])
    expect(out.inputIds.slice(1, 39).every((id) => id === ID.dog)).toBe(true)
    expect(out.inputIds[39]).toBe(ID['[SEP]'])
  })
})
