import { useState } from 'react'
import { download, fileUrl } from '../../lib/resources'
import { ErrorBox } from '../../lib/ui'

const FILES = [
  ['interior.pdf', 'Interior PDF'], ['cover.pdf', 'Cover PDF'], ['listing.json', 'Listing (title, description, keywords)'],
] as const
const EBOOK_FILES = [['ebook.epub', 'Kindle eBook (EPUB)'], ['ebook-cover.jpg', 'eBook cover (JPEG)']] as const

/** A list of download buttons; each saves the file with the access token (a plain link cannot send it). */
function Buttons({ bookId, files, busy, label, onError }: {
  bookId: string; files: readonly (readonly [string, string])[]; busy: boolean; label?: string; onError: (e: unknown) => void
}) {
  return (
    <ul className="downloads" aria-label={label}>
      {files.map(([name, text]) => (
        <li key={name}>
          <button type="button" className="secondary" disabled={busy} onClick={() => download(fileUrl(bookId, name), name).catch(onError)}>
            {text}
          </button>
        </li>
      ))}
    </ul>
  )
}

/** The book's files: the print PDFs and listing, everything as a zip, and the Kindle eBook when the book has one. */
export function DownloadList({ bookId, busy, ebook }: { bookId: string; busy: boolean; ebook: boolean }) {
  const [error, setError] = useState<unknown>(null)
  return (
    <>
      <Buttons bookId={bookId} files={FILES} busy={busy} onError={setError} />
      <ul className="downloads">
        <li>
          <button type="button" disabled={busy} onClick={() => download(`/api/v1/books/${bookId}/files.zip`, 'book.zip').catch(setError)}>
            Everything (zip)
          </button>
        </li>
      </ul>
      {ebook && <Buttons bookId={bookId} files={EBOOK_FILES} busy={busy} label="Kindle eBook" onError={setError} />}
      {error != null && <ErrorBox error={error} />}
    </>
  )
}
