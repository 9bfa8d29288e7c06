package site

// MaxAssetSize bounds a file copied to the output as it is (a picture, a
// PDF, a spreadsheet, a font). The report's own are tens of kilobytes; a
// bigger file is a video or an archive saved in the wrong folder, belongs on
// a file host, and would weigh on every reader's download and on the
// preview, which keeps the files it serves in memory.
const MaxAssetSize = 50 << 20
