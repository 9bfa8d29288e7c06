// Package pdf prints an edition to a PDF: the site's own print page (see
// printpage.Page), served from memory on a loopback port to headless
// Chromium and printed with Page.printToPDF as a tagged PDF with a document
// outline. The contents get their page numbers from the PDF's named
// destinations, and the page is printed again until the numbers hold (at
// most maxPrints times). A print page that asks for a file the site does
// not have, or a PDF that links to the address it was printed from, is
// refused.
//
// The PDF is then rewritten whole (see finish): its document information
// and XMP metadata set, what differs from run to run made the same, the
// marks Chromium leaves outside marked content made artifacts, and the
// outline's titles given back the spaces Chromium dropped. The package
// reads only the shape of PDF Chromium writes (see parse) and refuses any
// other.
package pdf
