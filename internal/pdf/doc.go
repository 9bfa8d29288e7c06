// Package pdf prints an edition to a PDF: the site's own print page (see
// printpage.Page), served from memory on a loopback port to headless
// Chromium and printed with Page.printToPDF as a tagged PDF with a document
// outline. The contents get their page numbers from the PDF's named
// destinations, and the page is printed again until the numbers hold (at
// most maxPrints times). A print page that asks for a file the site does
// not have, or a PDF that links to the address it was printed from, is
// refused.
//
// The package drives the browser and holds no PDF parser: package pdfobj
// reads the print's destinations and pages, finishes the PDF for
// publishing with the edition's metadata and the print page's headings
// (see finish), and reads the finished PDF's page breaks.
package pdf
