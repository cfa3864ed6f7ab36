import { describe, expect, it } from 'vitest'
import {
  expandImageToken,
  plainQuestion,
  smolVlmChatText,
  smolVlmPrompt,
  tokenPositions,
} from '../../../main/engine/perception/smolVlmPrompt'
import {
  argmaxRow,
  mergeImageFeatures,
  stepPositionIds,
} from '../../../main/engine/perception/greedyDecoding'
import { objectNoun, readYesNo, tidyAnswer } from '../../../main/engine/perception/vlmAnswers'
import { smolVlmTokenizerFromJson } from '../../../main/inference/models/smolVlmTokenizer'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../../helpers/tinySmolVlmTokenizer'

describe('SmolVLM prompt', () => {
  it('applies the chat template to [image, question] with the generation prompt', () => {
    expect(smolVlmChatText('What colour is the mug?')).toBe(
      '<|im_start|>User:<image>What colour is the mug?<end_of_utterance>\nAssistant:',
    )
  })

  it('expands the unsplit image to fake, global-img, 64 × image, fake', () => {
    const text = expandImageToken('A<image>B', 3)
    expect(text).toBe(
      'A<fake_token_around_image><global-img><image><image><image><fake_token_around_image>B',
    )
    expect(smolVlmPrompt('q').split('<image>').length - 1).toBe(64)
  })

  it('strips special token names a question could smuggle in', () => {
    expect(plainQuestion('what <image> is <end_of_utterance> this <|im_end|>?')).toBe(
      'what is this ?',
    )
    expect(smolVlmPrompt('<image><image>hi').split('<image>').length - 1).toBe(64)
  })

  it('tokenizes to 64 image ids in one run at the right place (tiny SmolVLM-layout tokenizer)', () => {
    const tokenizer = smolVlmTokenizerFromJson(tinySmolVlmTokenizer().tokenizerJson)
    const ids = tokenizer.encode(smolVlmPrompt('What colour is it?'))
    const positions = tokenPositions(ids, SPECIAL_IDS.image)
    expect(positions).toHaveLength(64)
    const first = positions[0]
    expect(positions).toEqual(Array.from({ length: 64 }, (_, i) => first + i))
    expect(ids[0]).toBe(SPECIAL_IDS.imStart)
    expect(tokenizer.decode(ids.slice(1, first - 2))).toBe('User:')
    expect(ids.slice(first - 2, first)).toEqual([
      SPECIAL_IDS.fakeAroundImage,
      SPECIAL_IDS.globalImage,
    ])
    expect(ids[first + 64]).toBe(SPECIAL_IDS.fakeAroundImage)
    const end = ids.indexOf(SPECIAL_IDS.endOfUtterance)
    expect(tokenizer.decode(ids.slice(first + 65, end))).toBe('What colour is it?')
    expect(tokenizer.decode(ids.slice(end + 1))).toBe('\nAssistant:')
    expect(tokenizer.stopIds).toEqual([
      SPECIAL_IDS.endOfUtterance,
      SPECIAL_IDS.imEnd,
      SPECIAL_IDS.endOfText,
    ])
  })

  it('refuses a tokenizer without the SmolVLM image tokens, naming them and the fix', () => {
    const { tokenizerJson } = tinySmolVlmTokenizer({ without: ['<image>', '<global-img>'] })
    expect(() => smolVlmTokenizerFromJson(tokenizerJson)).toThrow(
      /lacks the SmolVLM token\(s\) <image>, <global-img>.*models download smolvlm-256m-instruct/,
    )
  })
})

describe('decoding arrays', () => {
  it('puts the image features into the image rows, in order', () => {
    const hidden = 2
    const ids = [5, 9, 9, 7]
    const embeds = Float32Array.of(1, 1, 2, 2, 3, 3, 4, 4)
    const merged = mergeImageFeatures(embeds, ids, 9, Float32Array.of(10, 11, 20, 21), hidden)
    expect(Array.from(merged)).toEqual([1, 1, 10, 11, 20, 21, 4, 4])
    expect(Array.from(embeds)).toEqual([1, 1, 2, 2, 3, 3, 4, 4])
    expect(() => mergeImageFeatures(embeds, ids, 9, Float32Array.of(10, 11), hidden)).toThrow(
      /2 image tokens but the vision encoder gave 1/,
    )
  })

  it('picks the largest logit of a row (first on ties, NaN never) and numbers positions after the cache', () => {
    const logits = Float32Array.of(0, 3, 3, 1, NaN, -1, 2, 0)
    expect(argmaxRow(logits, 0, 4)).toBe(1)
    expect(argmaxRow(logits, 1, 4)).toBe(2)
    expect(() => argmaxRow(logits, 2, 4)).toThrow(RangeError)
    expect(Array.from(stepPositionIds(5, 2))).toEqual([5n, 6n])
  })
})

describe('reading answers', () => {
  it('reads yes/no only when the answer starts with it', () => {
    expect(readYesNo(' Yes, it is red.')).toBe('yes')
    expect(readYesNo('no')).toBe('no')
    expect(readYesNo('It is not.')).toBeUndefined()
    expect(tidyAnswer('  a \n red   mug ')).toBe('a red mug')
  })

  it('takes a short noun for a name and refuses vague answers or sentences', () => {
    expect(objectNoun(' A coffee mug.')).toBe('coffee mug')
    expect(objectNoun('Bottle')).toBe('bottle')
    expect(objectNoun('It is a laptop, open on the desk')).toBe('laptop')
    expect(objectNoun('An object.')).toBeUndefined()
    expect(objectNoun("I don't know")).toBeUndefined()
    expect(objectNoun('a red ceramic coffee mug')).toBeUndefined()
    expect(objectNoun('')).toBeUndefined()
  })
})
