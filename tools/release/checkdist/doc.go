// Command checkdist checks what GoReleaser left in dist/ before anyone
// downloads it: `make release-check` runs it after a snapshot release.
//
//	go run ./tools/release/checkdist [-dist dist] [-root .] [-targets linux/amd64,...]
//
// Each of -targets must have been built. Every binary must be
// report/cmd/report, of its system's format (ELF, Mach-O, PE) and
// processor, stripped, built from this commit without cgo and with
// -trimpath; every archive must hold that binary, the checkout's README.md
// and docs/content-model.md in one folder, as tar.gz (zip for Windows); the
// checksums file must match every archive. The binary for this machine, if
// there is one, is run (and there must be one if this machine is among
// -targets): --help, then a build of the site at -root. Only the standard
// library is used, so it works on any machine with Go.
package main
