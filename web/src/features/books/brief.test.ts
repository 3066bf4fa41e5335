import { describe, expect, it } from 'vitest'
import { LIMITS, matterFields, matterWords, noMatter } from './brief'

describe('the front and back matter of a brief', () => {
  it('sends nothing the user did not give, and claims nothing by default', () => {
    expect(matterFields(noMatter, false)).toEqual({
      dedication: undefined, aboutAuthor: undefined, imprint: undefined, meetTheCharacters: false, reviewedByAuthor: false, credit: false,
    })
    expect(matterWords('', noMatter)).toEqual(['No author line', 'No publisher named', 'Claims no review', 'No Storyloom name in the book'])
  })

  it('sends what the user gave, trimmed, and no cast page for a coloring book', () => {
    const given = { ...noMatter, imprint: ' Acorn Press ', reviewedByAuthor: true, meetTheCharacters: true }
    expect(matterFields(given, true)).toMatchObject({ imprint: 'Acorn Press', reviewedByAuthor: true, meetTheCharacters: undefined })
    expect(matterWords('Ada Lane', given)).toContain('Published by Acorn Press')
  })

  it('holds the same limits as the server', () => {
    expect(LIMITS).toEqual({ title: 120, author: 120, theme: 500, moral: 300, dedication: 300, aboutAuthor: 1200, imprint: 80 })
  })
})
